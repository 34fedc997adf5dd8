import { escapeXml } from './html.ts';
import { isPage } from './site-pages.ts';
import type { SitePage } from './site-pages.ts';
import { absoluteUrl, searchUrl, sitemapIndexUrl } from './urls.ts';

/** How far back the Google News sitemap reaches. */
export const newsWindowHours = 48;

/** The most articles one Google News sitemap may list. */
export const newsSitemapLimit = 1000;

/** What the news sitemap needs of an article. */
export interface NewsEntry {
  url: string;
  title: string;
  publishedAt: Date;
}

/**
 * The site's BCP 47 language as Google News names it: the ISO 639 code alone (en-GB is en), except
 * Chinese, which is zh-cn (simplified) or zh-tw (traditional).
 */
export function newsLanguage(language: string): string {
  const locale = new Intl.Locale(language).maximize();
  if (locale.language !== 'zh') return locale.language;
  return locale.script === 'Hant' ? 'zh-tw' : 'zh-cn';
}

/**
 * A Google News sitemap: the articles published in the 48 hours before `now`, the first
 * `newsSitemapLimit` of them as given (newest first), with the publication's name and language
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
 */
export function newsSitemap(
  articles: NewsEntry[],
  now: Date,
  site: { name: string; language: string; url: string },
): string {
  const from = now.getTime() - newsWindowHours * 3_600_000;
  const recent = articles
    .filter(
      (article) => article.publishedAt.getTime() >= from && article.publishedAt.getTime() <= now.getTime(),
    )
    .slice(0, newsSitemapLimit);
  const publication =
    `<news:publication><news:name>${escapeXml(site.name)}</news:name>` +
    `<news:language>${escapeXml(newsLanguage(site.language))}</news:language></news:publication>`;
  const urls = recent.map(
    (article) =>
      `<url><loc>${escapeXml(absoluteUrl(article.url, site.url))}</loc><news:news>${publication}` +
      `<news:publication_date>${article.publishedAt.toISOString()}</news:publication_date>` +
      `<news:title>${escapeXml(article.title)}</news:title></news:news></url>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ' +
    'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' +
    urls.join('') +
    '</urlset>\n'
  );
}

/** The most pages one sitemap file lists (the protocol allows 50,000). */
export const sitemapEntryLimit = 45_000;

/** A page the sitemap lists: its absolute URL and the date it states it last changed, if any. */
export interface SitemapPage {
  url: string;
  /** ISO 8601, UTC. */
  lastmod?: string | undefined;
}

/** Astro's pages for errors (404.astro, 500.astro), which are no page of the site. */
const errorPage = /^(?:404|500)\/?$/;

/**
 * The pages the sitemaps list: those Astro built (`built`, its paths without the leading slash, its
 * restored copies too) and every dated page of the record of the site's pages (site-pages.ts), which
 * also holds those another partition renders or the build links unchanged from the last output.
 * Each page once, dated as the record dates it; not the record's feeds, the search page nor Astro's
 * error pages.
 */
export function sitemapPages(
  built: string[],
  dated: Pick<SitePage, 'path' | 'updated'>[],
  siteUrl: string,
): SitemapPage[] {
  const dates = new Map(
    dated
      .filter(({ path }) => isPage(path))
      .map(({ path, updated }) => [absoluteUrl(path, siteUrl), updated]),
  );
  const urls = new Set([
    ...built.filter((path) => !errorPage.test(path)).map((path) => absoluteUrl(`/${path}`, siteUrl)),
    ...dates.keys(),
  ]);
  urls.delete(absoluteUrl(searchUrl, siteUrl));
  return [...urls].map((url) => ({ url, lastmod: dates.get(url) }));
}

/** URL order, numbers by value (…/page/2/ before …/page/10/). */
const inUrlOrder = new Intl.Collator('en', { numeric: true }).compare;

/** The newest of the dates, or none. */
function newest(dates: (string | undefined)[]): string | undefined {
  let latest: string | undefined;
  for (const date of dates) if (date !== undefined && (latest === undefined || date > latest)) latest = date;
  return latest;
}

/**
 * The site's sitemaps (https://www.sitemaps.org/protocol.html), by file name: its pages in URL order,
 * at most `sitemapEntryLimit` to a file (`sitemap-0.xml`, `sitemap-1.xml`, …), and the index that
 * robots.txt names (`sitemap-index.xml`), each file in it dated by its newest page. Built as text in
 * one pass: @astrojs/sitemap, which wrote them until 5 December 2026, took 4.5–6.8 s of each publish
 * at 100,000 articles, this 0.7–1.1 s (bench/README.md).
 */
export function sitemapFiles(pages: SitemapPage[], siteUrl: string): Map<string, string> {
  const sorted = [...pages].sort((a, b) => inUrlOrder(a.url, b.url));
  const files = new Map<string, string>();
  const index: string[] = [];
  for (let start = 0, n = 0; start < sorted.length; start += sitemapEntryLimit, n++) {
    const chunk = sorted.slice(start, start + sitemapEntryLimit);
    const name = `sitemap-${n}.xml`;
    const urls = chunk.map(
      ({ url, lastmod }) =>
        `<url><loc>${escapeXml(url)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
    );
    files.set(
      name,
      '<?xml version="1.0" encoding="UTF-8"?>' +
        `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`,
    );
    const changed = newest(chunk.map(({ lastmod }) => lastmod));
    index.push(
      `<sitemap><loc>${escapeXml(absoluteUrl(`/${name}`, siteUrl))}</loc>` +
        `${changed ? `<lastmod>${changed}</lastmod>` : ''}</sitemap>`,
    );
  }
  files.set(
    sitemapIndexUrl.slice(1),
    '<?xml version="1.0" encoding="UTF-8"?>' +
      `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${index.join('')}</sitemapindex>`,
  );
  return files;
}
