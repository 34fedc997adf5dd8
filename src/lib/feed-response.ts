import rss from '@astrojs/rss';
import { feedChannel, feedItem } from './feed';
import type { Listing } from './listings';
import { figureHtml, singleRendition } from './media';
import { newsroom } from './query';
import type { Article } from './query';
import { site } from '../site.config';

/** The RSS response for a listing: its newest `site.feedItems` articles. */
export async function feedResponse(listing: Listing): Promise<Response> {
  const { now } = await newsroom();
  const items = await Promise.all(listing.articles.slice(0, site.feedItems).map(itemOf));
  return rss(feedChannel(listing, items, site, now));
}

async function itemOf(article: Article) {
  const { hero, bodyFigures } = article.data;
  const figures = await Promise.all(bodyFigures.map((figure) => figureHtml(figure, site.url)));
  return feedItem(
    article,
    {
      figure: (index) => figures[index] ?? '',
      leadFigure: hero && (await figureHtml(hero, site.url)),
      lead: hero && (await singleRendition(hero.src, site.url)),
    },
    site,
  );
}
