import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { yearIn } from './dates';
import { splitFrontmatter } from './frontmatter';
import { isPublished } from './publishing';

/** The Markdown files under an articles folder, as paths relative to it. */
function articleFiles(base: string): string[] {
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
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
