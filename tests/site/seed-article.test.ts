import { describe, expect, test } from 'vitest';
import { formatDate, isoInZone } from '../../src/lib/dates.ts';
import { site } from '../../src/site.config.ts';
import { jsonLd, page } from '../support/dist.ts';
import { onSite } from '../support/expected.ts';
import { seedSite } from '../support/sites.ts';

const $ = page(seedSite.dist, '/articles/head-of-xiaomi-auto-charms-buyers/');
const article = $('main article');
// As the frozen copy's frontmatter gives them.
const publishedAt = new Date('2025-03-03T09:00:00+08:00');
const correctedAt = new Date('2026-11-27T07:00:00+08:00');

describe('the seed article, built from its frozen copy in tests/fixtures/seed-newsroom', () => {
  test('is filed under Business / Auto by Ni Tao, published on 3 March 2025 Shanghai time', () => {
    expect(article.find('.section-path').text()).toBe('BusinessAuto');
    expect($('h1').text()).toBe('Head of Xiaomi Auto charms buyers with decorum in personal marketing');
    expect(article.find('.head .standfirst').text()).toMatch(/^Automotive rivals who use smear tactics/);
    expect(article.find('.byline a[href="/authors/ni-tao/"]').text()).toBe('Ni Tao');
    expect(article.find('.byline time').first().attr('datetime')).toBe(isoInZone(publishedAt, site.timezone));
  });

  test("shows the editor's note and is part 2 of 2, with part 1 marked as not online", () => {
    expect(article.find('.editors-note').text()).toContain('second instalment of a two-part series');
    expect(article.find('nav.series').text()).toContain('Part 2 of 2');
    expect(article.find('nav.series li').first().text()).toContain('Not available online');
  });

  test('keeps the three subheadings and the quotes of the original', () => {
    const headings = article
      .find('.prose h2')
      .toArray()
      .map((h2) => $(h2).text());
    expect(headings).toEqual(['Consumer-centric insights', 'Worthy opponents', 'Winning with decency']);
    expect(article.find('.prose').text()).toContain('“I drive a Xiaomi (SU7),” he said');
    // 34 paragraphs of body text in the archived original, between its subheadings and photos.
    expect(article.find('.prose > p')).toHaveLength(34);
  });

  test('has its photos as honest placeholders with the original caption and the agency credit', () => {
    const figures = article.find('figure');
    expect(figures).toHaveLength(3);
    figures.find('img').each((_, img) => {
      expect($(img).attr('alt')).toContain('Photo not included');
    });
    expect(article.find('.prose figure .caption').first().text()).toBe(
      'Lei Jun livestreams himself commuting in the SU7.',
    );
    expect(article.find('.prose figure .credit').text()).toBe('Imaginechina');
  });

  test('closes with the author disclosure', () => {
    expect(article.find('.disclosure').text()).toMatch(
      /^\(The author, a former Shanghai Daily opinion writer, .* no conflict of interests to declare\.\)$/,
    );
  });

  test('describes itself to search engines as an AnalysisNewsArticle in the series', () => {
    const [news] = jsonLd($);
    expect(news).toMatchObject({
      '@type': 'AnalysisNewsArticle',
      articleSection: 'Business > Auto',
      author: [{ name: 'Ni Tao', url: onSite('/authors/ni-tao/') }],
      isPartOf: { name: 'Xiaomi: from phones to cars' },
    });
  });
});

test('shows the site’s first correction, for the price typo the content linter caught', () => {
  expect(article.find('.prose').text()).toContain('pre-order price of 814,900 yuan');
  expect(article.find('.corrections').text()).toContain('“814,9f00 yuan”, a typing error');
  expect(article.find('.byline').text()).toContain(`Updated ${formatDate(correctedAt, site.timezone)}`);
  const [news] = jsonLd($);
  expect(news).toMatchObject({ dateModified: isoInZone(correctedAt, site.timezone) });
});
