import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  rmdirSync,
  unlinkSync,
} from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/**
 * Hard links carry files from one output to the next, or into a folder Pagefind reads, without
 * copying them: safe because nothing edits a file of an output in place (docs/architecture.md).
 */

/** Links `source` to `target`, copying across file systems, where links cannot go. */
function linkOrCopy(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

/** Links `source` to `target`, making its folder, and copying across file systems, where links cannot go. */
export function linkFile(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  linkOrCopy(source, target);
}

/**
 * Links the files of `from` (those `picked`, by their path inside it with `/`) into `to`; returns
 * them. One folder at a time, each made once, when it has a file picked: a folder made for each
 * file took 15.7–22.5 s of a copy of the 237,000 files of a 100,000-article output, against
 * 13.4–17.5 s so.
 */
export function linkTree(from: string, to: string, picked: (file: string) => boolean = () => true): string[] {
  mkdirSync(to, { recursive: true });
  if (!existsSync(from)) return [];
  const linked: string[] = [];
  const pending = [''];
  for (let inside = pending.pop(); inside !== undefined; inside = pending.pop()) {
    let made = inside === '';
    for (const entry of readdirSync(join(from, inside), { withFileTypes: true })) {
      const file = inside === '' ? entry.name : `${inside}/${entry.name}`;
      if (entry.isDirectory()) pending.push(file);
      else if (picked(file)) {
        if (!made) mkdirSync(join(to, inside), { recursive: true });
        made = true;
        linkOrCopy(join(from, file), join(to, file));
        linked.push(file);
      }
    }
  }
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

/** What a file is, wherever it is linked: its device and inode. */
export type FileId = string;

/** A folder with its files as `surveyFolder` found them, when nothing has written to it since. */
export interface SurveyedFolder {
  folder: string;
  surveyed: ReadonlyMap<string, FileId>;
}

const idOf = (stats: Stats): FileId => `${stats.dev}:${stats.ino}`;

/** What the file at `path` is; undefined if there is none. */
export function fileId(path: string): FileId | undefined {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  return stats && idOf(stats);
}

/**
 * The files under `folder` (none if there is no such folder), by their path inside it with `/`,
 * each with what it is (`FileId`): what `holdLinks` needs to know of a folder it makes its own.
 * One call after another on this thread: at 10,000 articles the replaced output's 24,000 files took
 * 0.6 s of processor time so, and 1.5 s asked many at a time through promises. A build that needs
 * the thread meanwhile surveys on another (`surveyOnThread`, survey-thread.ts).
 */
export function surveyFolder(folder: string): Map<string, FileId> {
  const found = new Map<string, FileId>();
  const pending = [''];
  for (let inside = pending.pop(); inside !== undefined; inside = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(folder, inside), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    for (const entry of entries) {
      const file = inside === '' ? entry.name : `${inside}/${entry.name}`;
      if (entry.isDirectory()) pending.push(file);
      else {
        const id = fileId(join(folder, file));
        if (id) found.set(file, id);
      }
    }
  }
  return found;
}

/** The files of a survey under its folder `inside` (a path with `/`), by their path inside that. */
export function surveyedIn(surveyed: ReadonlyMap<string, FileId>, inside: string): Map<string, FileId> {
  const prefix = `${inside}/`;
  return new Map(
    surveyed
      .entries()
      .filter(([file]) => file.startsWith(prefix))
      .map(([file, id]) => [file.slice(prefix.length), id]),
  );
}

/** What `holdLinks` may be told. */
export interface HoldOptions {
  /** Files (by path inside the folder) not to touch. */
  left?: (file: string) => boolean;
  /**
   * What files of the source are (by path inside `folder`), as surveyed or recorded when nothing
   * has written to them since: these are not looked at again, the others are. At 100,000 articles,
   * looking at each of the 100,000 files of the search index, or of the older partitions' kept
   * pages, took 1.3–2 s of a publish.
   */
  known?: ReadonlyMap<string, FileId>;
}

/**
 * Makes `folder`, which held the files `surveyed` (`surveyFolder`) and has not changed since, hold
 * exactly `files`, each the very file of that path in `source` (a hard link to it), or the file
 * `source` names for it: a file already linked stays, anything else goes, with the folders it
 * leaves empty; what is `left` is not touched. Whatever `folder` held before (a replaced output,
 * half of one), it ends as linking `files` into an empty folder would leave it.
 */
export function holdLinks(
  folder: string,
  surveyed: ReadonlyMap<string, FileId>,
  source: string | ((file: string) => string),
  files: ReadonlySet<string>,
  { left = () => false, known = new Map() }: HoldOptions = {},
): void {
  const from = typeof source === 'string' ? (file: string) => join(source, file) : source;
  const idInSource = (file: string) => known.get(file) ?? fileId(from(file));
  const held = new Set<string>();
  const emptied = new Set<string>();
  for (const [file, id] of surveyed) {
    if (left(file)) continue;
    if (files.has(file) && idInSource(file) === id) {
      held.add(file);
      continue;
    }
    removeFile(join(folder, file));
    emptied.add(dirname(join(folder, file)));
  }
  // Deepest first, so that a folder whose only content was an emptied folder goes too. Removing
  // a folder that is not empty fails at once, where listing it would cost as much as it holds.
  for (const path of [...emptied].sort((a, b) => b.length - a.length)) {
    for (let at = path; at.length > folder.length && removeIfEmpty(at); at = dirname(at));
  }
  for (const file of files) if (!held.has(file)) linkFile(from(file), join(folder, file));
}

/**
 * Removes the file at `path`, if it is there: one call, where `rmSync` looks at the file first (the
 * removals of an edit at 10,000 articles took 0.26 s with it).
 */
function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
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
