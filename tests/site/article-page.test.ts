import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatDateTime, isoInZone } from '../../src/lib/dates.ts';
import { site } from '../../src/site.config.ts';
import { fixtureIds } from '../support/fixture-site.ts';
import { filesIn, jsonLd, page } from '../support/dist.ts';
import { onSite, onSitePattern } from '../support/expected.ts';
import { fixtureSite } from '../support/sites.ts';

const $ = page(fixtureSite.dist, `/articles/${fixtureIds.complete}/`);
const article = $('main article');
// The complete article's dates as its frontmatter gives them (its correction is dated at the update).
const publishedAt = new Date('2026-01-10T08:30:00+08:00');
const updatedAt = new Date('2026-01-11T10:00:00+08:00');
const inSiteZone = (date: Date) => isoInZone(date, site.timezone);

describe('the article page of an article with every field', () => {
  test('shows the section path as links, top section first', () => {
    const links = article
      .find('.section-path a')
      .toArray()
      .map((a) => [$(a).text(), $(a).attr('href')]);
    expect(links).toEqual([
      ['News', '/news/'],
      ['World', '/news/world/'],
    ]);
  });

  test('has one h1, the headline, with typographic quotes', () => {
    expect($('h1')).toHaveLength(1);
    expect($('h1').text()).toBe('Complete fixture story with “every” element');
  });

  test('shows the standfirst and a byline linking every author', () => {
    expect(article.find('.head .standfirst').text()).toBe(
      'A synthetic article that carries every field an article page can show.',
    );
    const authors = article
      .find('.byline a[rel="author"]')
      .toArray()
      .map((a) => $(a).attr('href'));
    expect(authors).toEqual(['/authors/avery-fixture/', '/authors/rowan-testwell/']);
  });

  test('gives published and updated times in the site timezone, machine-readable with offset', () => {
    const times = article
      .find('.byline time')
      .toArray()
      .map((time) => $(time).attr('datetime'));
    expect(times).toEqual([inSiteZone(publishedAt), inSiteZone(updatedAt)]);
    expect(article.find('.byline').text()).toContain(formatDateTime(publishedAt, site.timezone));
    expect(article.find('.byline').text()).toMatch(/\d+ min read/);
  });

  test("shows the editor's note and the series box with links to the published parts", () => {
    expect(article.find('.editors-note').text()).toContain('second part of a synthetic three-part series');
    const series = article.find('nav.series');
    expect(series.text()).toContain('Part 2 of 3');
    expect(series.find(`a[href="/articles/${fixtureIds.partOne}/"]`).text()).toBe(
      'First part of the fixture series',
    );
    expect(series.find('[aria-current="page"]').text()).toContain('Complete fixture story');
    expect(series.text()).toContain('Not available online');
  });

  test('shows the hero eagerly at high priority in AVIF and WebP, with caption and credit', () => {
    const hero = article.find('.hero figure');
    expect(hero.find('source[type="image/avif"]').attr('srcset')).toMatch(/\.avif \d+w/);
    expect(hero.find('source[type="image/webp"]').attr('srcset')).toMatch(/\.webp \d+w/);
    const img = hero.find('img');
    expect(img.attr('alt')).toBe('A sunset over hills');
    expect(img.attr('fetchpriority')).toBe('high');
    expect(img.attr('loading')).toBe('eager');
    expect(Number(img.attr('width'))).toBeGreaterThan(0);
    expect(Number(img.attr('height'))).toBeGreaterThan(0);
    expect(hero.find('figcaption .caption').text()).toBe('Sunset over the hills.');
    expect(hero.find('figcaption .credit').text()).toBe('Fixture Agency');
  });

  test('places each body photo where the editor put it, lazily, with its caption and credit', () => {
    const body = article.find('.prose');
    const figures = body.find('figure');
    expect(figures).toHaveLength(2);
    expect(figures.eq(0).find('img').attr('alt')).toBe('A stream running over rocks through woodland');
    expect(figures.eq(0).find('.caption').text()).toBe('A stream in the woods.');
    expect(figures.eq(0).find('.credit').text()).toBe('Fixture Photos');
    expect(figures.eq(1).find('.caption')).toHaveLength(0);
    expect(figures.eq(1).find('.credit').text()).toBe('Another Agency');
    expect(figures.find('img[loading="lazy"]')).toHaveLength(2);
    const sequence = body
      .children()
      .toArray()
      .map((element) => element.tagName);
    expect(sequence.indexOf('figure')).toBeGreaterThan(sequence.indexOf('h2'));
    expect(sequence.lastIndexOf('figure')).toBeGreaterThan(sequence.indexOf('blockquote'));
    expect(body.find('broadsheet-figure')).toHaveLength(0);
  });

  test('ends with corrections, the disclosure in italics and the tags as links', () => {
    expect(article.find('.corrections').text()).toContain('An earlier version misspelt a synthetic word.');
    expect(article.find('.corrections time').attr('datetime')).toBe(inSiteZone(updatedAt));
    expect(article.find('.disclosure').text()).toBe(
      '(The authors are synthetic and have nothing to declare.)',
    );
    const tags = article
      .find('.tags a')
      .toArray()
      .map((a) => $(a).attr('href'));
    expect(tags).toEqual(['/tags/fixture-tag/', '/tags/harbour/']);
  });

  test('shows its parts in the order of importance', () => {
    const html = article.html() ?? '';
    const order = [
      'section-path',
      '<h1',
      'class="standfirst"',
      'class="byline"',
      'editors-note',
      'class="series"',
      'class="hero"',
      'class="prose"',
      'class="corrections"',
      'class="disclosure"',
      'class="tags"',
    ];
    const positions = order.map((marker) => html.indexOf(marker));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test("carries its format's NewsArticle type and BreadcrumbList JSON-LD with the fields search engines read", () => {
    const [news, breadcrumbs] = jsonLd($);
    expect(news).toMatchObject({
      '@type': 'AnalysisNewsArticle',
      headline: 'Complete fixture story with “every” element',
      datePublished: inSiteZone(publishedAt),
      dateModified: inSiteZone(updatedAt),
      articleSection: 'News > World',
      author: [
        {
          '@type': 'Person',
          name: 'Avery Fixture',
          url: onSite('/authors/avery-fixture/'),
        },
        {
          '@type': 'Person',
          name: 'Rowan Testwell',
          url: onSite('/authors/rowan-testwell/'),
        },
      ],
      isPartOf: { name: 'The fixture series', url: onSite('/series/fixture-series/') },
    });
    expect((news?.['image'] as string[])[0]).toMatch(onSitePattern('/_astro/.+\\.jpe?g$'));
    expect(breadcrumbs).toMatchObject({ '@type': 'BreadcrumbList' });
  });

  test('has a canonical URL, link preview tags and feed autodiscovery', () => {
    expect($('link[rel="canonical"]').attr('href')).toBe(onSite(`/articles/${fixtureIds.complete}/`));
    expect($('meta[property="og:type"]').attr('content')).toBe('article');
    expect($('meta[property="og:image"]').attr('content')).toMatch(onSitePattern('/'));
    const feeds = $('link[rel="alternate"][type="application/rss+xml"]')
      .toArray()
      .map((link) => $(link).attr('href'));
    expect(feeds).toEqual(
      expect.arrayContaining([
        '/rss.xml',
        '/news/world/rss.xml',
        '/authors/avery-fixture/rss.xml',
        '/series/fixture-series/rss.xml',
      ]),
    );
  });

  test('ships no JavaScript: the only scripts are JSON-LD data', () => {
    const scripts = $('script')
      .toArray()
      .map((script) => $(script).attr('type'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((type) => type === 'application/ld+json')).toBe(true);
  });

  test('has a skip link to the main content and a back-to-top link', () => {
    expect($('a.skip-link').attr('href')).toBe('#main');
    expect($('main#main')).toHaveLength(1);
    expect($('a[href="#top"]')).toHaveLength(1);
  });
});

test('every article names a photo to search engines: its own lead photo, or else the share image', () => {
  const images = filesIn(join(fixtureSite.dist, 'articles'))
    .filter((file) => file.endsWith('/index.html'))
    .map((file) => {
      const $article = page(fixtureSite.dist, `/articles/${file}`);
      const [story] = jsonLd($article);
      return { hero: $article('.hero img').length > 0, image: story!['image'] as string[] };
    });
  expect(images.filter(({ hero }) => !hero).length).toBeGreaterThan(0);
  for (const { hero, image } of images) {
    expect(image).toHaveLength(1);
    if (hero) expect(image[0]).toMatch(onSitePattern('/_astro/'));
    else expect(image[0]).toBe(onSite(site.shareImage.src));
  }
});
