import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { joinBody } from './body.ts';
import { formatDate } from './dates.ts';
import { absolutizeUrls, escapeHtml, escapeXml } from './html.ts';
import type { Listing } from './listings.ts';
import type { Article } from './model.ts';
import { previewMark } from './publishing.ts';
import {
  absoluteUrl,
  authorUrl,
  feedStylesheetUrl,
  feedUrl,
  jsonFeedUrl,
  sectionUrl,
  seriesUrl,
} from './urls.ts';

/**
 * RSS 2.0 feeds, one builder for every listing (site, section, author, tag, series): full content with
 * absolute URLs, the lead image as media:content, dc:creator, categories, and the permalink as guid,
 * so a corrected article updates its item instead of adding one (docs/architecture.md, guarantee 4).
 */

/**
 * A feed's title, the same in its channel and in the <link rel="alternate"> that announces it:
 * the site's name alone for the site feed, else "Business | The Broadsheet", like page titles.
 */
export function feedTitle(siteName: string, name?: string): string {
  return name === undefined ? siteName : `${name} | ${siteName}`;
}

/** The title of a listing's feed. */
export function listingFeedTitle(listing: Pick<Listing, 'kind' | 'title'>, siteName: string): string {
  return feedTitle(siteName, listing.kind === 'home' ? undefined : listing.title);
}

/** A photo as the feed carries it. */
export interface FeedImage {
  url: string;
  width: number;
  height: number;
  type: string;
}

/** What an item needs beyond the article: its body, rendered figures and lead image. */
export interface ItemMedia {
  /** The article's rendered body (src/lib/body.ts). */
  html: string;
  /** HTML of body figure `index`, with absolute URLs. */
  figure: (index: number) => string;
  /** HTML of the lead figure, put before the body. */
  leadFigure?: string | undefined;
  lead?: FeedImage | undefined;
}

/** Site details a feed needs. */
export interface FeedSite {
  name: string;
  url: string;
  language: string;
  timezone: string;
  feedItems: number;
  /** The WebSub hub every feed names (docs/architecture.md, WebSub), or false for none. */
  websubHub: string | false;
}

/** The full HTML of an item: lead photo, editor's note, body with photos, corrections, disclosure. */
export function itemContent(article: Article, media: ItemMedia, site: FeedSite): string {
  const { data } = article;
  const corrections = data.corrections
    .map(
      (correction) =>
        `<p><strong>Correction (${formatDate(correction.date, site.timezone)}):</strong> ${escapeHtml(correction.text)}</p>`,
    )
    .join('');
  const parts = [
    media.leadFigure ?? '',
    data.editorsNote ? `<p><em>Editor’s note: ${escapeHtml(data.editorsNote)}</em></p>` : '',
    joinBody(media.html, media.figure),
    corrections,
    data.disclosure ? `<p><em>(${escapeHtml(data.disclosure)})</em></p>` : '',
  ];
  return absolutizeUrls(parts.join(''), site.url);
}

/**
 * An item's title: the headline, after "[Draft]" or "[Embargoed until …]" in the dev preview's feeds,
 * so an editor's feed reader cannot pass an unpublished story off as a published one.
 */
export function itemTitle(article: Article, site: Pick<FeedSite, 'timezone'>): string {
  const mark = previewMark({ state: article.state, publishedAt: article.data.publishedAt }, site.timezone);
  return mark === undefined ? article.data.title : `[${mark}] ${article.data.title}`;
}

/** One RSS item. */
export function feedItem(article: Article, media: ItemMedia, site: FeedSite): RSSFeedItem {
  const { data } = article;
  const creators = article.authors
    .map((author) => `<dc:creator>${escapeXml(author.name)}</dc:creator>`)
    .join('');
  const lead = media.lead
    ? `<media:content url="${escapeXml(media.lead.url)}" medium="image" type="${media.lead.type}" width="${media.lead.width}" height="${media.lead.height}"/>`
    : '';
  return {
    title: itemTitle(article, site),
    link: absoluteUrl(article.url, site.url),
    pubDate: data.publishedAt,
    description: data.standfirst,
    content: itemContent(article, media, site),
    categories: [...article.sectionPath.map((section) => section.name), ...data.tags],
    customData:
      creators +
      lead +
      (data.updatedAt ? `<atom:updated>${data.updatedAt.toISOString()}</atom:updated>` : ''),
  };
}

/** The channel of a listing's feed; items are the listing's newest `site.feedItems` articles. */
export function feedChannel(listing: Listing, items: RSSFeedItem[], site: FeedSite, now: Date): RSSOptions {
  const self = absoluteUrl(feedUrl(listing.path), site.url);
  const lastBuild = lastModified(listing.articles.slice(0, site.feedItems)) ?? now;
  return {
    title: listingFeedTitle(listing, site.name),
    description: listing.description,
    site: absoluteUrl(listing.path, site.url),
    items,
    stylesheet: feedStylesheetUrl,
    xmlns: {
      atom: 'http://www.w3.org/2005/Atom',
      dc: 'http://purl.org/dc/elements/1.1/',
      media: 'http://search.yahoo.com/mrss/',
    },
    customData:
      `<language>${escapeXml(site.language)}</language>` +
      `<lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate>` +
      `<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>` +
      (site.websubHub ? `<atom:link href="${escapeXml(site.websubHub)}" rel="hub"/>` : ''),
  };
}

/** The latest publication or update among `articles`, for lastBuildDate and JSON Feed. */
export function lastModified(articles: Article[]): Date | undefined {
  let latest: Date | undefined;
  for (const { data } of articles) {
    const changed = data.updatedAt ?? data.publishedAt;
    // By their numbers: `>` between Dates converts each through `valueOf`, and every listing page of
    // the site (36,000 at 100,000 articles) asks this of its items in every build.
    if (!latest || changed.getTime() > latest.getTime()) latest = changed;
  }
  return latest;
}

/** A JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of a listing, from the same items as its RSS. */
export function jsonFeed(
  listing: Listing,
  entries: { article: Article; media: ItemMedia }[],
  site: FeedSite,
) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: listingFeedTitle(listing, site.name),
    description: listing.description,
    home_page_url: absoluteUrl(listing.path, site.url),
    feed_url: absoluteUrl(jsonFeedUrl, site.url),
    ...(site.websubHub ? { hubs: [{ type: 'WebSub', url: site.websubHub }] } : {}),
    language: site.language,
    items: entries.map(({ article, media }) => ({
      id: absoluteUrl(article.url, site.url),
      url: absoluteUrl(article.url, site.url),
      title: itemTitle(article, site),
      summary: article.data.standfirst,
      content_html: itemContent(article, media, site),
      ...(media.lead ? { image: media.lead.url } : {}),
      date_published: article.data.publishedAt.toISOString(),
      ...(article.data.updatedAt ? { date_modified: article.data.updatedAt.toISOString() } : {}),
      authors: article.authors.map((author) => ({
        name: author.name,
        url: absoluteUrl(authorUrl(author.id), site.url),
      })),
      tags: [...article.sectionPath.map((section) => section.name), ...article.data.tags],
    })),
  };
}

/** The feeds an article page links in its head: its sections from the top, its authors, its series. */
export function articleFeeds(article: Article, siteName: string): { title: string; path: string }[] {
  return [
    ...article.sectionPath.map((section) => ({ name: section.name, path: sectionUrl(section.id) })),
    ...article.authors.map((author) => ({ name: author.name, path: authorUrl(author.id) })),
    ...(article.series
      ? [{ name: article.series.series.name, path: seriesUrl(article.series.series.id) }]
      : []),
  ].map(({ name, path }) => ({ title: feedTitle(siteName, name), path: feedUrl(path) }));
}
