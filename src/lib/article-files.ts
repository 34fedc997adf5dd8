import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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
  return readdirSync(base, { recursive: true, withFileTypes: true }).flatMap((entry) => {
    const file = relative(base, join(entry.parentPath, entry.name));
    const isFile =
      entry.isFile() ||
      (entry.isSymbolicLink() && statSync(join(base, file), { throwIfNoEntry: false })?.isFile() === true);
    return isFile && isArticleFile(file) ? [file] : [];
  });
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
 */
export function publishedYears(base: string, now: Date, timeZone: string): number[] {
  return articleFiles(base).flatMap((file) => {
    const split = splitFrontmatter(readFileSync(join(base, file), 'utf8'));
    if (typeof split === 'string') return [];
    const date = new Date(publishedAtLine.exec(split.yaml)?.[2] ?? '');
    if (Number.isNaN(date.getTime())) return [];
    return isPublished({ draft: draftLine.test(split.yaml), publishedAt: date }, now)
      ? [yearIn(date, timeZone)]
      : [];
  });
}
