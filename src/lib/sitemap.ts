import { existsSync, readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { escapeXml } from './html';
import { absoluteUrl } from './urls';

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

/** How much of a built page is read for its date: its head's metadata comes first. */
const headBytes = 16_384;

/**
 * The last change of a page, as the page states it: an article's `article:modified_time` (its
 * updatedAt, else its publishedAt), a listing's or the front page's `og:updated_time` (the newest
 * change among the articles it shows: src/lib/routes.ts). Read from the page itself, so a page the
 * incremental build copied keeps its date, and no article file is read again; only its first bytes
 * are read, so dating thousands of pages stays cheap. A page without either (an empty listing, a
 * static page) has no date.
 */
export async function pageLastModified(dir: string, path: string): Promise<Date | undefined> {
  const file = await open(join(dir, decodeURIComponent(path), 'index.html'));
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(headBytes), 0, headBytes, 0);
    return updatedTime(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await file.close();
  }
}

/** The `article:modified_time` or `og:updated_time` a page's HTML states, if any. */
export function updatedTime(html: string): Date | undefined {
  const stated = /<meta property="(?:article:modified_time|og:updated_time)" content="([^"]+)"/.exec(
    html,
  )?.[1];
  return stated === undefined ? undefined : new Date(stated);
}

/**
 * The folder among `dirs` holding the page at `path` (the first that does): the build's own output,
 * then the outputs of the earlier partitions of a partitioned build.
 */
export function folderOfPage(dirs: readonly string[], path: string): string | undefined {
  return dirs.find((dir) => existsSync(join(dir, decodeURIComponent(path), 'index.html')));
}

/** The absolute URL of every page (`…/index.html`) in a built folder, for the sitemap of a partitioned build. */
export function pageUrlsIn(dir: string, siteUrl: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file === 'index.html' || file.endsWith(`${sep}index.html`))
    .map((file) => absoluteUrl(`/${file.slice(0, -'index.html'.length).split(sep).join('/')}`, siteUrl));
}
