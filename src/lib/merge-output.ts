import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filesIn, linkFile } from './links';

/**
 * Merges the output of one partition of a partitioned build (src/lib/partitions.ts) into the output
 * of the newest: moving every file across, or, with `link`, hard-linking it (a partition's output
 * kept in the cache, which must stay whole for the next build). Pages and images that both have
 * (the front page, say, which Astro renders in every partition, or a photo on a listing and an
 * article) must be the same bytes, which is what makes a partitioned build equal a full one; any
 * difference stops the build, naming the file. `files` (by path inside `source`) are all of its files
 * unless the caller recorded them. Returns how many files came across and how many were already there.
 */
export function mergeOutput(
  source: string,
  target: string,
  how: 'move' | 'link' = 'move',
  files: readonly string[] = filesIn(source),
): { moved: number; shared: number } {
  let moved = 0;
  let shared = 0;
  for (const file of files) {
    const from = join(source, file);
    const to = join(target, file);
    if (existsSync(to)) {
      if (!readFileSync(from).equals(readFileSync(to))) {
        throw new Error(
          `${file} differs between two partitions of the build; a page must not depend on which partition renders it`,
        );
      }
      shared += 1;
      continue;
    }
    if (how === 'link') linkFile(from, to);
    else {
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
    }
    moved += 1;
  }
  if (how === 'move') rmSync(source, { recursive: true, force: true });
  return { moved, shared };
}
