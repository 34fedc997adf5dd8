/**
 * The one URL builder: every page, card, feed, sitemap and JSON-LD block links through it.
 * Article URLs hold only the slug, so editing a headline or moving an article to another section
 * never changes its permalink (docs/architecture.md, guarantee 4).
 */

/** First path segments that belong to the site itself, so no section may take them. */
export const reservedSegments = [
  'articles',
  'authors',
  'tags',
  'series',
  'archive',
  'search',
  '_astro',
  'admin',
] as const;

/** The front page. */
export const homeUrl = '/';

/** The editors' CMS (src/integrations/cms-admin.ts), kept out of search engines. */
export const adminUrl = '/admin/';

/** The search page. */
export const searchUrl = '/search/';

/** The page a host serves for a path the site does not have. */
export const notFoundUrl = '/404.html';

/** The site's JSON Feed. */
export const jsonFeedUrl = '/feed.json';

/** The XSLT that turns a feed opened in a browser into a readable page (public/rss.xsl). */
export const feedStylesheetUrl = '/rss.xsl';

/** The sitemap index (src/lib/sitemap.ts), which robots.txt names. */
export const sitemapIndexUrl = '/sitemap-index.xml';

/** The Google News sitemap of the last two days' articles. */
export const newsSitemapUrl = '/news-sitemap.xml';

/** An article's permalink path. */
export function articleUrl(id: string): string {
  return `/articles/${id}/`;
}

/** A static page from content/pages/, e.g. /about/. */
export function staticPageUrl(id: string): string {
  return `/${id}/`;
}

/** A section front, e.g. /business/auto/. */
export function sectionUrl(id: string): string {
  return `/${id}/`;
}

/** An author's page. */
export function authorUrl(id: string): string {
  return `/authors/${id}/`;
}

const tagSlugs = new Map<string, string>();

/**
 * A tag's URL-safe form: lowercase letters (with their combining marks) and digits of any script,
 * joined by hyphens. Each spelling worked out once: every article's tags are asked for by the
 * listings and the related index of every build (600,000 times at 100,000 articles, most of 0.5 s).
 */
export function tagSlug(tag: string): string {
  let slug = tagSlugs.get(tag);
  if (slug === undefined) {
    slug = tag
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '');
    tagSlugs.set(tag, slug);
  }
  return slug;
}

/** A tag's page. */
export function tagUrl(tag: string): string {
  return `/tags/${tagSlug(tag)}/`;
}

/** A series page. */
export function seriesUrl(id: string): string {
  return `/series/${id}/`;
}

/** The date archive: /archive/, a year's /archive/2025/ or a month's /archive/2025/03/. */
export function archiveUrl(year?: string, month?: string): string {
  return `/archive/${[year, month]
    .filter(Boolean)
    .map((part) => `${part}/`)
    .join('')}`;
}

/** Numbered page `number` of the listing at `base`, `<base>page/<n>/`; its front (no number) is `base`. */
export function listingPageUrl(base: string, number?: number): string {
  return number === undefined ? base : `${base}page/${number}/`;
}

/** The RSS feed beside a listing page (the site feed for "/"). */
export function feedUrl(pageUrl: string): string {
  return `${pageUrl}rss.xml`;
}

/** An absolute URL on the site, for feeds, canonical links, sitemaps and JSON-LD. */
export function absoluteUrl(path: string, origin: string): string {
  return new URL(path, origin.endsWith('/') ? origin : `${origin}/`).href;
}
