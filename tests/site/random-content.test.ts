import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { smarten } from '../../src/lib/typography.ts';
import { page, readText } from '../support/dist.ts';
import { randomArticles, randomSeed } from '../support/random-site.ts';
import { randomSite } from '../support/sites.ts';

/** Pieces of the random text that Markdown leaves as they are, so they must reach the page intact. */
const literal = [
  '电动汽车的未来',
  'مرحبا بالعالم',
  'שלום עולם',
  'Ünïcödé naïve café',
  '🚗⚡️👩🏽‍💻',
  'Supercalifragilistic',
];

describe(`random but valid articles (fast-check seed ${randomSeed}) all build`, () => {
  const articles = randomArticles();
  const feed = new Parser().parseString(readText(randomSite.dist, 'rss.xml'));

  test.each(articles.map((article) => [article.id, article] as const))(
    '%s: page, headline and text',
    (_, article) => {
      const $ = page(randomSite.dist, `/articles/${article.id}/`);
      expect($('h1').text()).toBe(smarten(article.title));
      const text = $('.prose').text();
      for (const piece of literal) if (article.body.includes(piece)) expect(text).toContain(piece);
      expect($('.prose script, .prose img[onerror]')).toHaveLength(0);
    },
  );

  test('the feed parses and has every article with its headline', async () => {
    const titles = (await feed).items.map((item) => item.title);
    expect([...titles].sort()).toEqual(articles.map((article) => smarten(article.title)).sort());
  });
});
