import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { yearIn } from './dates.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { isPublished } from './publishing.ts';

/**
 * The article files under an articles folder, as paths relative to it: Markdown files, or links to
 * them, in no hidden folder, as Astro's glob loader matched `**\/*.md`. What the build syncs
 * (src/lib/article-loader.ts), counts and divides into partitions.
 */
export function articleFiles(base: string): string[] {
  if (!existsSync(base)) return [];
  const found: string[] = [];
  // Folder by folder, in the order readdir's recursive mode lists them (a folder's entries, then the
  // folders found in it), without what that mode also does for every entry: work out its path
  // again, and look at it to see whether it is a folder. 100,000 files took 0.8–1.1 s so, in each
  // sync and each listing of the build script, and take 0.1–0.2 s. A link is looked at, and
  // followed into a folder.
  const folders = [''];
  for (let next = 0; next < folders.length; next++) {
    const inside = folders[next]!;
    for (const entry of readdirSync(join(base, inside), { withFileTypes: true })) {
      const file = inside === '' ? entry.name : `${inside}${sep}${entry.name}`;
      const target = entry.isSymbolicLink() ? statSync(join(base, file), { throwIfNoEntry: false }) : entry;
      // What a hidden folder holds is not content: it is not listed at all.
      if (target?.isDirectory()) {
        if (isVisible(file)) folders.push(file);
      } else if (target?.isFile() && isArticleFile(file)) found.push(file);
    }
  }
  return found;
}

/** Whether a path inside an articles folder names an article file (not whether it exists). */
export function isArticleFile(path: string): boolean {
  return path.endsWith('.md') && isVisible(path);
}

/**
 * Whether a path inside a content folder is in no hidden folder and not hidden itself: Astro's glob
 * loader left such files out, and so do the build and the content check.
 */
export function isVisible(path: string): boolean {
  return path.split(sep).every((segment) => segment !== '..' && !segment.startsWith('.'));
}

/** How many Markdown files an articles folder holds, published or not: a cheap measure of the archive. */
export function countArticleFiles(base: string): number {
  return articleFiles(base).length;
}

const publishedAtLine = /^publishedAt:[ \t]*(["']?)([^"'\s#]+)\1[ \t]*(?:#.*)?$/m;
const draftLine = /^draft:[ \t]*true[ \t]*(?:#.*)?$/m;

/**
 * The years (in `timeZone`) of the articles under `base` that are published at `now`, read from
 * each file's top-level `publishedAt:` and `draft:` lines alone, which is what a large archive is
 * divided into partitions by (src/lib/partitions.ts): with the full reader, YAML and all, 100,000
 * articles took 45 s before any Astro build could start. A file whose date is written in another
 * form counts for no year here; the plan is still whole (its oldest and newest partitions are open
 * to the past and the future), and the content check reads every file in full beside the build.
 *
 * With a `record` (a file of the build's cache), a file that looks as it did when its lines were
 * recorded (`fileLooks`) is not read: reading 100,000 files took seconds of every publish. Looks
 * are recorded only once settled (`looksSettled`) at `lookedAt`.
 */
export function publishedYears(
  base: string,
  now: Date,
  timeZone: string,
  record?: string,
  lookedAt = Date.now(),
): number[] {
  const known = record === undefined ? {} : recordedDateLines(record);
  const settled: Record<string, DateLines> = {};
  const years = articleFiles(base).flatMap((file) => {
    const stats = statSync(join(base, file));
    const looks = fileLooks(stats);
    const lines = known[file]?.[0] === looks ? known[file] : dateLines(join(base, file), looks);
    if (looksSettled(stats, lookedAt)) settled[file] = lines;
    const [, publishedAt, draft] = lines;
    const date = new Date(publishedAt);
    if (Number.isNaN(date.getTime())) return [];
    return isPublished({ draft, publishedAt: date }, now) ? [yearIn(date, timeZone)] : [];
  });
  if (record !== undefined) {
    mkdirSync(dirname(record), { recursive: true });
    writeFileSync(`${record}.partial`, JSON.stringify(settled));
    renameSync(`${record}.partial`, record);
  }
  return years;
}

/** What `publishedYears` keeps of an article file: how it looked, its `publishedAt:` and `draft:`. */
type DateLines = [looks: string, publishedAt: string, draft: boolean];

function dateLines(file: string, looks: string): DateLines {
  const split = splitFrontmatter(readFileSync(file, 'utf8'));
  if (typeof split === 'string') return [looks, '', false];
  return [looks, publishedAtLine.exec(split.yaml)?.[2] ?? '', draftLine.test(split.yaml)];
}

/** The recorded date lines by file; none if the record is missing or unreadable (a build cut short). */
function recordedDateLines(record: string): Record<string, DateLines | undefined> {
  try {
    return JSON.parse(readFileSync(record, 'utf8')) as Record<string, DateLines>;
  } catch {
    return {};
  }
}

/** How a file looks without reading it: changed, even to the same size, its times change. */
export function fileLooks({ ino, size, mtimeMs, ctimeMs }: Stats): string {
  return `${ino}:${size}:${mtimeMs}:${ctimeMs}`;
}

/**
 * Whether a file's looks, taken at `lookedAt`, may stand for its text: times are kept to a clock
 * tick, so a file written again within the tick of a look at it, at the same size, would look the
 * same; one last changed a second or more before the look cannot have been.
 */
export function looksSettled({ mtimeMs, ctimeMs }: Stats, lookedAt: number): boolean {
  return Math.max(mtimeMs, ctimeMs) < lookedAt - 1000;
}
