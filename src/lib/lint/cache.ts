import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import type { ContentIndex } from './content-index';

/**
 * Lint results kept between runs, so that checking 10,000 articles after one edit parses one file,
 * not all of them (it also leaves the build's other core to Astro). A file's messages are reused
 * only when nothing they could depend on has changed:
 * - the file's text, and the size and time of every photo it names;
 * - what the cross-file rules see of the whole newsroom: every article's id, path, state, series
 *   part and old addresses, the sections, authors and series that exist, and the takedowns;
 * - the linter's own code (and the schemas and site config it uses).
 */

/** One message as stored. */
interface StoredMessage {
  reason: string;
  line: number;
  column: number;
  ruleId: string;
}

interface Stored {
  context: string;
  files: Record<string, { key: string; messages: StoredMessage[] }>;
}

const sha = (text: string) => createHash('sha256').update(text).digest('base64url');

/** Digest of the code the rules run: everything under src/lib, src/markdown and the site config. */
function codeDigest(): string {
  const src = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const files = ['lib', 'markdown']
    .flatMap((folder) =>
      readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' }).map((file) =>
        join(src, folder, file),
      ),
    )
    .concat(join(src, 'site.config.ts'))
    .filter((file) => file.endsWith('.ts'))
    .sort();
  return sha(files.map((file) => `${file}\n${readFileSync(file, 'utf8')}`).join('\n'));
}

/** What every file's messages may depend on beyond the file itself. */
function contextDigest(index: ContentIndex): string {
  return sha(
    JSON.stringify([
      codeDigest(),
      [...index.sections].sort(),
      [...index.authors].sort(),
      [...index.series].sort(),
      index.articles.map((article) => [
        article.file.path,
        article.id,
        article.published,
        article.draft,
        article.series,
        article.redirectFrom,
      ]),
      index.removed.map((removal) => [removal.path, removal.line]),
    ]),
  );
}

/** The file's text and the photos it names (hero and body), as they are on disk now. */
function fileKey(file: VFile): string {
  const text = String(file.value);
  const photos = [
    ...text.matchAll(/(?:src:\s*["']?|\]\()([^\s"')]+\.(?:jpe?g|png|webp|avif|gif|tiff?))/gi),
  ].map(([, path]) => {
    const stats = statSync(resolve(file.cwd, dirname(file.path), path!), { throwIfNoEntry: false });
    return `${path} ${stats ? `${stats.size} ${stats.mtimeMs}` : 'missing'}`;
  });
  return sha(`${text}\n${photos.join('\n')}`);
}

/** The lint cache of one content folder, read from `path` (empty if absent or unreadable). */
export function lintCache(path: string, index: ContentIndex) {
  const context = contextDigest(index);
  let stored: Stored = { context, files: {} };
  try {
    const read = JSON.parse(readFileSync(path, 'utf8')) as Stored;
    if (read.context === context) stored = read;
  } catch {
    // No cache yet, or one from an older format: every file is checked.
  }
  const next: Stored = { context, files: {} };
  return {
    /** Puts the stored messages on `file` and returns true, or returns false when it must be checked. */
    restore(file: VFile): boolean {
      const key = fileKey(file);
      const hit = stored.files[file.path];
      if (hit?.key !== key) return false;
      for (const { reason, line, column, ruleId } of hit.messages) {
        file.message(reason, { place: { line, column }, ruleId, source: 'broadsheet' });
      }
      next.files[file.path] = hit;
      return true;
    },
    /** Keeps the messages of a file just checked. */
    keep(file: VFile): void {
      next.files[file.path] = {
        key: fileKey(file),
        messages: file.messages.map((message) => ({
          reason: message.reason,
          line: message.line ?? 1,
          column: message.column ?? 1,
          ruleId: message.ruleId ?? 'unknown',
        })),
      };
    },
    save(): void {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify(next));
    },
  };
}
