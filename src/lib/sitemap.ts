import { escapeXml } from './html.ts';
import { absoluteUrl } from './urls.ts';

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
