import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The digest of a file's text, as the content store has it (Astro's `generateDigest`). */
export type Digester = (text: string) => string;

/**
 * The digests of the article files, which a sync compares with those the content store holds,
 * remembered from one build to the next with what each file was when it was read (its size, inode
 * and times), as git's index remembers them: a file that is still what it was is not read again.
 * At 100,000 articles, reading and hashing every file took 4–5 s of each build; looking at each,
 * half a second.
 */
export interface FileDigests {
  /** The digest of the text of `file`. */
  of(file: string): string;
  /** Writes what this build found, for the next. */
  save(): void;
}

/** What a file was when it was read, and the digest of what it held. */
type Seen = [size: number, mtimeMs: number, ctimeMs: number, ino: number, digest: string];

interface Remembered {
  /** What the digester makes of a fixed text: digests of another function are of no use. */
  digester: string;
  files: Record<string, Seen>;
}

/**
 * A file changed this shortly before it was read could change again within the same tick of the
 * file system's clock (a few milliseconds, a second or two on some), its size and times unchanged:
 * it is not remembered, and is read again next time (what git calls "racily clean").
 */
const settling = 2000;

/** Where a content root's cache folder remembers its article files' digests. */
export function fileDigestsRecord(cacheDir: string): string {
  return join(cacheDir, 'article-digests.json');
}

/**
 * The digests of files by `digest`, remembered in `record`. `now` is when this build began to look
 * at the files: a file whose inode or times changed less than `settling` before it is not remembered.
 */
export function fileDigests(record: string, digest: Digester, now = Date.now()): FileDigests {
  const digester = digest('broadsheet');
  const before = readRecord(record, digester);
  const seen: Record<string, Seen> = {};
  return {
    of(file) {
      const { size, mtimeMs, ctimeMs, ino } = statSync(file);
      const last = before[file];
      if (last && last[0] === size && last[1] === mtimeMs && last[2] === ctimeMs && last[3] === ino) {
        seen[file] = last;
        return last[4];
      }
      // Looked at before it is read: a change between the two leaves other times than these.
      const made = digest(readFileSync(file, 'utf8'));
      if (Math.max(mtimeMs, ctimeMs) < now - settling) seen[file] = [size, mtimeMs, ctimeMs, ino, made];
      return made;
    },
    save() {
      mkdirSync(dirname(record), { recursive: true });
      const partial = `${record}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify({ digester, files: seen } satisfies Remembered));
      renameSync(partial, record);
    },
  };
}

/** The files remembered in `record` by `digester`; none if there is no such record, or it is unreadable. */
function readRecord(record: string, digester: string): Record<string, Seen> {
  if (!existsSync(record)) return {};
  try {
    const remembered = JSON.parse(readFileSync(record, 'utf8')) as Partial<Remembered>;
    return remembered.digester === digester && remembered.files ? remembered.files : {};
  } catch {
    return {};
  }
}
