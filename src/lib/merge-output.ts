import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filesIn } from './links.ts';

/**
 * Merges the output of one partition of a partitioned build (src/lib/partitions.ts) into the output
 * of the newest, moving every file across. Pages and images that both have (the front page, say,
 * which Astro renders in every partition, or a photo on a listing and an article) must be the same
 * bytes, which is what makes a partitioned build equal a full one; any difference stops the build,
 * naming the file. Returns how many files came across and how many were already there. (A partition
 * kept from its last build is linked in with the newest's kept pages: `keepUnchangedPages`.)
 */
export function mergeOutput(source: string, target: string): { moved: number; shared: number } {
  let moved = 0;
  let shared = 0;
  for (const file of filesIn(source)) {
    const from = join(source, file);
    const to = join(target, file);
    if (existsSync(to)) {
      checkShared(file, from, to);
      shared += 1;
      continue;
    }
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    moved += 1;
  }
  rmSync(source, { recursive: true, force: true });
  return { moved, shared };
}

/** Stops the build when `file`, which two partitions wrote (at `one` and `other`), differs between them. */
export function checkShared(file: string, one: string, other: string): void {
  if (!readFileSync(one).equals(readFileSync(other))) {
    throw new Error(
      `${file} differs between two partitions of the build; a page must not depend on which partition renders it`,
    );
  }
}
