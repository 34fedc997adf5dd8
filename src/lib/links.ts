import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  rmSync,
  rmdirSync,
} from 'node:fs';
import { dirname, join, sep } from 'node:path';

/**
 * Hard links carry files from one output to the next, or into a folder Pagefind reads, without
 * copying them: safe because nothing edits a file of an output in place (docs/architecture.md).
 */

/** Links `source` to `target`, making its folder, and copying across file systems, where links cannot go. */
export function linkFile(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

/** Links the files of `from` (those `picked`, by their path inside it with `/`) into `to`; returns them. */
export function linkTree(from: string, to: string, picked: (file: string) => boolean = () => true): string[] {
  mkdirSync(to, { recursive: true });
  const linked = filesIn(from).filter(picked);
  for (const file of linked) linkFile(join(from, file), join(to, file));
  return linked;
}

/** The files under `folder` (none if there is no such folder), by their path inside it with `/`. */
export function filesIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) =>
      join(entry.parentPath, entry.name)
        .slice(folder.length + 1)
        .split(sep)
        .join('/'),
    );
}

/**
 * Makes `folder` hold exactly `files`, each the very file of that path in `source` (a hard link to
 * it), or the file `source` names for it: a file already linked stays, anything else goes, with the
 * folders it leaves empty; what is `left` (by path inside `folder`) is not touched. Whatever
 * `folder` held before (a replaced output, half of one), it ends as linking `files` into an empty
 * folder would leave it.
 */
export function holdLinks(
  folder: string,
  source: string | ((file: string) => string),
  files: ReadonlySet<string>,
  left: (file: string) => boolean = () => false,
): void {
  const from = typeof source === 'string' ? (file: string) => join(source, file) : source;
  const held = new Set<string>();
  const emptied = new Set<string>();
  for (const file of filesIn(folder)) {
    if (left(file)) continue;
    if (files.has(file) && sameFile(join(folder, file), from(file))) {
      held.add(file);
      continue;
    }
    rmSync(join(folder, file), { force: true });
    emptied.add(dirname(join(folder, file)));
  }
  // Deepest first, so that a folder whose only content was an emptied folder goes too. Removing
  // a folder that is not empty fails at once, where listing it would cost as much as it holds.
  for (const path of [...emptied].sort((a, b) => b.length - a.length)) {
    for (let at = path; at.length > folder.length && removeIfEmpty(at); at = dirname(at));
  }
  for (const file of files) if (!held.has(file)) linkFile(from(file), join(folder, file));
}

/** Removes `path`, a folder, if it is empty (or already gone); whether it is gone. */
function removeIfEmpty(path: string): boolean {
  try {
    rmdirSync(path);
    return true;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return true;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    throw error;
  }
}

/** Whether two paths name the same file (one is a hard link of the other). */
function sameFile(a: string, b: string): boolean {
  const [one, other] = [lstatSync(a, { throwIfNoEntry: false }), lstatSync(b, { throwIfNoEntry: false })];
  return one !== undefined && other !== undefined && one.ino === other.ino && one.dev === other.dev;
}
