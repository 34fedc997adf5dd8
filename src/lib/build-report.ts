import { basename, dirname, join } from 'node:path';

/**
 * What a build checks and reports after Astro has written the site: nothing silently dropped, and
 * when the next embargo lifts (so the operator can schedule a rebuild).
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
    `${published} articles are published but the build has ${pages} article pages and ${sitemap} article URLs ` +
      'in its sitemap: an article was dropped or duplicated, so this build is not published',
  ];
}

/** The schedule as the build prints it and writes it for CI. */
export interface Schedule {
  builtAt: string;
  nextEmbargoLifts: string | null;
  scheduled: { id: string; file: string; publishedAt: string }[];
}

/**
 * Where a build into `outDir` writes its schedule: beside the output, never in it (the schedule is
 * for CI, not readers), and kept with it so `npm run embargo-due` can read it.
 */
export function scheduleFile(outDir: string): string {
  return join(dirname(outDir), `${basename(outDir)}.schedule.json`);
}

/** The schedule of embargoed articles at `now`, soonest first. */
export function schedule(scheduled: { id: string; file: string; publishedAt: Date }[], now: Date): Schedule {
  return {
    builtAt: now.toISOString(),
    nextEmbargoLifts: scheduled[0]?.publishedAt.toISOString() ?? null,
    scheduled: scheduled.map((article) => ({ ...article, publishedAt: article.publishedAt.toISOString() })),
  };
}

/** The schedule as lines for the build log. */
export function formatSchedule(report: Schedule): string {
  if (report.scheduled.length === 0) return 'No embargoed articles are waiting.';
  return [
    `${report.scheduled.length} embargoed article${report.scheduled.length === 1 ? '' : 's'} waiting; the next embargo lifts at ${report.nextEmbargoLifts} (rebuild then):`,
    ...report.scheduled.map((article) => `  ${article.publishedAt}  ${article.file}`),
  ].join('\n');
}
