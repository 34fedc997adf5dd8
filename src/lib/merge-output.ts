import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Merges the output of one partition of a partitioned build (src/lib/partitions.ts) into the output
 * of the newest, moving every file across. Pages and images that both have (the front page, say,
 * which Astro renders in every partition, or a photo on a listing and an article) must be the same
 * bytes, which is what makes a partitioned build equal a full one; any difference stops the build,
 * naming the file. (A partition kept from its last build is linked in with the newest's kept pages:
 * `keepUnchangedPages`.)
 */
export function mergeOutput(source: string, target: string): void {
  mkdirSync(target, { recursive: true });
  mergeFolder(source, target, '');
  rmSync(source, { recursive: true, force: true });
}

/**
 * Moves what the folder `from` holds into `to`, `inside` the output: a file or folder that `to`
 * lacks in one rename, so an article's folder moves whole. Moving file by file, a folder made for
 * each and the emptied ones removed after, took 25 s of a cold build at 100,000 articles, whose
 * older partitions hold 95,000 pages, each in a folder of its own.
 */
function mergeFolder(from: string, to: string, inside: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const file = inside === '' ? entry.name : `${inside}/${entry.name}`;
    const there = lstatSync(join(to, entry.name), { throwIfNoEntry: false });
    if (!there) renameSync(join(from, entry.name), join(to, entry.name));
    else if (entry.isDirectory() && there.isDirectory())
      mergeFolder(join(from, entry.name), join(to, entry.name), file);
    else if (entry.isFile() && there.isFile())
      checkShared(file, join(from, entry.name), join(to, entry.name));
    else throw differs(file);
  }
}

/** Stops the build when `file`, which two partitions wrote (at `one` and `other`), differs between them. */
export function checkShared(file: string, one: string, other: string): void {
  if (!readFileSync(one).equals(readFileSync(other))) throw differs(file);
}

/** What stops a build whose partitions wrote `file` differently. */
function differs(file: string): Error {
  return new Error(
    `${file} differs between two partitions of the build; a page must not depend on which partition renders it`,
  );
}
