import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { articleUrl } from '../urls.ts';
import type { ArticleRef, ContentIndex } from './content-index.ts';
import { keptRecord } from './kept-record.ts';
import { linterDigest } from './linter-digest.ts';

/**
 * Lint results kept between runs, so that checking 10,000 articles after one edit parses one file,
 * not all of them (it also leaves the build's other core to Astro). A file's messages are reused
 * only when nothing they could depend on has changed:
 * - the file's text (by the digest the content index has of it, without reading a file that looks
 *   as it did), and the size and time of every photo it names;
 * - what the cross-file rules read of the other articles for this one (`concerning`): so that
 *   publishing a story, the commonest change, checks that story and the few files it concerns, not
 *   the whole archive again;
 * - the sections, authors and series that exist;
 * - the linter's own code (and the schemas and site config it uses).
 */

/** One message as stored. */
interface StoredMessage {
  reason: string;
  line: number;
  column: number;
  ruleId: string;
}

/** What is kept of one file. */
interface KeptFile {
  /** The digest of its text (article-facts.ts). */
  text: string;
  /** The size and time of each photo it names (hero and body), by its path as written. */
  photos: Record<string, string>;
  /** The digest of the other articles that concern it, as they were (`concerning`). */
  others: string;
  /** The slugs its links name (body-rules.ts, `articleLinks`), found when it was checked. */
  linked: string[];
  messages: StoredMessage[];
}

declare module 'vfile' {
  interface DataMap {
    /** The slugs of the articles a file's links point at, as the article-link rule read them. */
    linkedSlugs: string[];
  }
}

const sha = (text: string) => createHash('sha256').update(text).digest('base64url');

/** What every file's messages may depend on beyond the file itself and what concerns it alone. */
function contextDigest(index: ContentIndex): string {
  return sha(
    JSON.stringify([
      linterDigest(),
      [...index.sections].sort(),
      [...index.authors].sort(),
      [...index.series].sort(),
    ]),
  );
}

/** Everything a cross-file rule reads of another article. */
const seen = (article: ArticleRef) => [
  article.file.path,
  article.id,
  article.published,
  article.draft,
  article.series,
  article.redirectFrom,
];

/** Adds `article` to the list under `key`. */
function addTo<K>(map: Map<K, ArticleRef[]>, key: K, article: ArticleRef): void {
  const list = map.get(key);
  if (list) list.push(article);
  else map.set(key, [article]);
}

/**
 * The digest of the other articles whose state a file's cross-file messages depend on, found as the
 * rules find them (rules.ts, body-rules.ts): those with its slug (duplicate slug) or with a slug its
 * links name (article link); those at, or also redirecting from, an address in its `redirectFrom`,
 * and the takedowns of those addresses (redirect-from); those with its series part (series part). A new rule that reads other articles
 * must add what it reads here; tests/unit/lint-cache.test.ts checks each.
 */
function concerning(index: ContentIndex) {
  const byUrl = new Map<string, ArticleRef[]>();
  const byOldAddress = new Map<string, ArticleRef[]>();
  const byPart = new Map<string, ArticleRef[]>();
  const part = ({ series }: ArticleRef) => series && `${series.id}\0${series.part}`;
  for (const article of index.articles) {
    addTo(byUrl, articleUrl(article.id), article);
    for (const path of article.redirectFrom) addTo(byOldAddress, path, article);
    const at = part(article);
    if (at) addTo(byPart, at, article);
  }
  return (path: string, linked: readonly string[]): string => {
    const article = index.byPath.get(path);
    if (!article) return '';
    const at = part(article);
    return sha(
      JSON.stringify([
        [article.id, ...linked].map((id) => (index.byId.get(id) ?? []).map(seen)),
        article.redirectFrom.map((address) => [
          (byUrl.get(address) ?? []).map(seen),
          (byOldAddress.get(address) ?? []).map(seen),
          index.removed.filter(({ path }) => path === address).map(({ line }) => line),
        ]),
        at ? (byPart.get(at) ?? []).map(seen) : [],
      ]),
    );
  };
}

/** The size and time of the photo at `path` (as a file names it), as it is on disk now. */
function photoLooks(file: VFile, path: string): string {
  const stats = statSync(resolve(file.cwd, dirname(file.path), path), { throwIfNoEntry: false });
  return stats ? `${stats.size} ${stats.mtimeMs}` : 'missing';
}

/** The photos the file's text names (hero and body), each with its size and time now. */
function photosOf(file: VFile): Record<string, string> {
  const paths = String(file.value).matchAll(
    /(?:src:\s*["']?|\]\()([^\s"')]+\.(?:jpe?g|png|webp|avif|gif|tiff?))/gi,
  );
  return Object.fromEntries([...paths].map(([, path]) => [path!, photoLooks(file, path!)]));
}

/** The lint cache of one content folder, read from `path` (empty if absent or unreadable). */
export function lintCache(path: string, index: ContentIndex) {
  const record = keptRecord<KeptFile>(path, contextDigest(index));
  const others = concerning(index);
  return {
    /**
     * Puts the stored messages on `file`, whose text has this `digest`, and returns true, or returns
     * false when it must be checked. The photos it names are those kept, as its text is the same.
     */
    restore(file: VFile, digest: string): boolean {
      const hit = record.kept(file.path);
      if (
        hit?.text !== digest ||
        Object.entries(hit.photos).some(([path, looks]) => photoLooks(file, path) !== looks) ||
        hit.others !== others(file.path, hit.linked)
      )
        return false;
      for (const { reason, line, column, ruleId } of hit.messages) {
        file.message(reason, { place: { line, column }, ruleId, source: 'broadsheet' });
      }
      record.put(file.path, hit);
      return true;
    },
    /** Keeps the messages of a file just checked, whose text has this `digest`. */
    keep(file: VFile, digest: string): void {
      const linked = [...new Set(file.data.linkedSlugs)].sort();
      record.put(file.path, {
        text: digest,
        photos: photosOf(file),
        others: others(file.path, linked),
        linked,
        messages: file.messages.map((message) => ({
          reason: message.reason,
          line: message.line ?? 1,
          column: message.column ?? 1,
          ruleId: message.ruleId ?? 'unknown',
        })),
      });
    },
    save: record.save,
  };
}
