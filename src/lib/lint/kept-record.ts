import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What the content check keeps between runs in one JSON file, one entry per content file: the
 * entries of the last run are kept only when its `stamp` (the digest of everything each entry
 * depends on beyond its own file, such as the linter's code) is the same, and saving writes only
 * the entries put in this run, so a deleted file leaves nothing behind.
 */
export function keptRecord<Entry>(path: string, stamp: string) {
  let kept: Record<string, Entry> = {};
  try {
    const read = JSON.parse(readFileSync(path, 'utf8')) as { stamp?: unknown; files?: Record<string, Entry> };
    if (read.stamp === stamp && read.files) kept = read.files;
  } catch {
    // Nothing kept yet, or unreadable: every file is read again.
  }
  const next: Record<string, Entry> = {};
  return {
    /** The entry the last run kept for `file`, if its stamp was this one. */
    kept: (file: string): Entry | undefined => kept[file],
    /** What this run keeps for `file`. */
    put: (file: string, entry: Entry): void => {
      next[file] = entry;
    },
    save: (): void => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify({ stamp, files: next }));
    },
  };
}
