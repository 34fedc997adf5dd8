import { basename, dirname, join } from 'node:path';
import { formatDate, formatDateTime, utcOffset } from './dates.ts';
import { counted } from './plural.ts';

/**
 * What a build checks and reports after Astro has written the site: nothing silently dropped, what
 * was published and held back, and when the next embargo lifts (so the operator can schedule a
 * rebuild). Times are printed in the site's timezone, as the newsroom reads them, with UTC beside.
 */

/** Article URLs listed in sitemap XML. */
export function sitemapArticleUrls(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]*\/articles\/[^<]+)<\/loc>/g)].map((match) => match[1]!);
}

/** Problems when the published articles, the article pages and the sitemap's articles disagree. */
export function countProblems(counts: { published: number; pages: number; sitemap: number }): string[] {
  const { published, pages, sitemap } = counts;
  if (published === pages && pages === sitemap) return [];
  return [
    `${counted(published, 'article')} ${published === 1 ? 'is' : 'are'} published but the build has ` +
      `${counted(pages, 'article page')} and ${counted(sitemap, 'article URL')} in its sitemap: ` +
      'an article was dropped or duplicated, so this build is not published',
  ];
}

/** The schedule as the build prints it and writes it for CI. */
export interface Schedule {
  builtAt: string;
  nextEmbargoLifts: string | null;
  scheduled: { id: string; file: string; publishedAt: string }[];
}

/**
 * A file about the output kept beside it, never in it (it is for CI, not readers), and kept with it
 * between builds: `dist` and `schedule.json` give `dist.schedule.json`.
 */
export function besideOutput(outDir: string, name: string): string {
  return join(dirname(outDir), `${basename(outDir)}.${name}`);
}

/**
 * A folder the build works in beside the output, hidden: `dist` and `staging` give `.dist.staging`.
 * None is needed to build again; each saves work when it is there.
 */
export function workBesideOutput(outDir: string, name: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.${name}`);
}

/** Where a build into `outDir` writes its schedule, for `npm run embargo-due` to read. */
export function scheduleFile(outDir: string): string {
  return besideOutput(outDir, 'schedule.json');
}

/** The schedule of embargoed articles at `now`, soonest first. */
export function schedule(scheduled: { id: string; file: string; publishedAt: Date }[], now: Date): Schedule {
  return {
    builtAt: now.toISOString(),
    nextEmbargoLifts: scheduled[0]?.publishedAt.toISOString() ?? null,
    scheduled: scheduled.map((article) => ({ ...article, publishedAt: article.publishedAt.toISOString() })),
  };
}

/**
 * "15 January 2027, 09:00 GMT+8 (01:00 UTC)": the site's time first, as the newsroom speaks of it,
 * and UTC for the operator, with its date when that differs. A site in UTC gets no brackets.
 */
function inSiteTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const local = formatDateTime(date, timeZone);
  if (utcOffset(date, timeZone) === '+00:00') return local;
  const utc = formatDateTime(date, 'UTC').replace(/GMT(\+0)?$/, 'UTC');
  return formatDate(date, timeZone) === formatDate(date, 'UTC')
    ? `${local} (${utc.slice(utc.indexOf(', ') + 2)})`
    : `${local} (${utc})`;
}

/** The build's verdict: "Published 2 articles to dist/; held back 1 draft and 1 embargoed until …". */
export function formatPublished(
  { published, drafts, to }: { published: number; drafts: number; to: string },
  report: Schedule,
  timeZone: string,
): string {
  const waiting = report.scheduled.length;
  const held = [drafts > 0 && counted(drafts, 'draft'), waiting > 0 && `${waiting} embargoed`].filter(
    Boolean,
  );
  const until = report.nextEmbargoLifts
    ? `${waiting === 1 ? '' : ', the first'} until ${inSiteTime(report.nextEmbargoLifts, timeZone)}`
    : '';
  return `Published ${counted(published, 'article')} to ${to}; ${held.length > 0 ? `held back ${held.join(' and ')}${until}` : 'none held back'}.`;
}

/** The embargoed articles, soonest first, each with the time it lifts; empty when none wait. */
export function formatSchedule(report: Schedule, timeZone: string): string {
  if (report.scheduled.length === 0) return '';
  return [
    ...report.scheduled.map(
      (article) => `  ${article.file}  until ${inSiteTime(article.publishedAt, timeZone)}`,
    ),
    'Each appears in the first build after its embargo lifts: build again then.',
  ].join('\n');
}

/** The search index's line: how many articles, and which of its shards were indexed or kept. */
export function formatSearchIndex(
  search: { pages: number; indexed: string[]; kept: string[] },
  milliseconds: number,
): string {
  const shards = (names: string[]) => names.join(' ') || 'none';
  return `Search index: ${counted(search.pages, 'article')} in ${(milliseconds / 1000).toFixed(1)} s; shards indexed: ${shards(search.indexed)}; kept: ${shards(search.kept)}.`;
}
