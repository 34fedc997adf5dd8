import rss from '@astrojs/rss';
import { feedChannel, feedItem, jsonFeed } from './feed.ts';
import type { ItemMedia } from './feed.ts';
import type { Listing } from './listings.ts';
import { figureHtml, singleRendition } from './media.ts';
import { articleBody, newsroom } from './query.ts';
import type { Article } from './model.ts';
import { site } from '../site.config.ts';

/** The RSS response for a listing: its newest `site.feedItems` articles. */
export async function feedResponse(listing: Listing): Promise<Response> {
  const { now } = await newsroom();
  const entries = await entriesOf(listing);
  return rss(
    feedChannel(
      listing,
      entries.map(({ article, media }) => feedItem(article, media, site)),
      site,
      now,
    ),
  );
}

/** The JSON Feed response for a listing, with the same items as its RSS feed. */
export async function jsonFeedResponse(listing: Listing): Promise<Response> {
  const body = JSON.stringify(jsonFeed(listing, await entriesOf(listing), site), null, 2);
  return new Response(body, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
}

async function entriesOf(listing: Listing): Promise<{ article: Article; media: ItemMedia }[]> {
  return Promise.all(
    listing.articles
      .slice(0, site.feedItems)
      .map(async (article) => ({ article, media: await mediaOf(article) })),
  );
}

async function mediaOf(article: Article): Promise<ItemMedia> {
  const { hero, bodyFigures } = article.data;
  const figures = await Promise.all(bodyFigures.map((figure) => figureHtml(figure, site.url)));
  return {
    html: articleBody(article),
    figure: (index) => figures[index] ?? '',
    leadFigure: hero && (await figureHtml(hero, site.url)),
    lead: hero && (await singleRendition(hero.src, site.url)),
  };
}
