import { describe, expect, test } from 'vitest';
import { articleJsonLd, newsArticle, sectionBreadcrumbs, serializeJsonLd } from '../../src/lib/jsonld.ts';
import type { NewsArticleInput } from '../../src/lib/jsonld.ts';
import { article, site } from './newsroom-fixture.ts';

const origin = 'https://broadsheet.example';

describe('serializeJsonLd', () => {
  const attack = '</script><script>alert(1)</script>';

  test('a headline cannot close the script element it is embedded in', () => {
    const json = serializeJsonLd({ headline: attack });
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain('<');
    expect(json).not.toContain('>');
  });

  test.each([
    { what: 'a script-closing headline', value: attack },
    { what: 'an HTML comment opener', value: '<!-- x -->' },
    { what: 'ampersands and entities', value: 'AT&T &amp; co' },
    { what: 'line and paragraph separators', value: 'one\u2028two\u2029three' },
    { what: 'quotes and backslashes', value: 'say "hi" \\ bye' },
    { what: 'Chinese text', value: '小米汽车' },
  ])('$what survive a round trip through JSON.parse', ({ value }) => {
    expect(JSON.parse(serializeJsonLd({ headline: value, nested: [value] }))).toEqual({
      headline: value,
      nested: [value],
    });
  });

  test.each([
    { char: '<', escape: '\\u003c' },
    { char: '>', escape: '\\u003e' },
    { char: '&', escape: '\\u0026' },
    { char: '\u2028', escape: '\\u2028' },
    { char: '\u2029', escape: '\\u2029' },
  ])('$escape is written in place of the raw character', ({ char, escape }) => {
    const json = serializeJsonLd(`a${char}b`);
    expect(json).toBe(`"a${escape}b"`);
  });
});

describe('newsArticle', () => {
  const input: NewsArticleInput = {
    url: '/articles/xiaomi-su7/',
    format: 'news',
    headline: 'Head of Xiaomi Auto charms buyers',
    description: 'A new tone dominates the industry.',
    images: ['https://broadsheet.example/_astro/lead.jpg'],
    datePublished: '2025-03-03T09:00:00+08:00',
    dateModified: '2025-03-04T10:00:00+08:00',
    authors: [
      { id: 'ni-tao', name: 'Ni Tao' },
      { id: 'li-mei', name: 'Li Mei' },
    ],
    section: 'Auto',
    keywords: ['Xiaomi', 'Electric vehicles'],
    corrections: [],
    publisher: { name: 'The Broadsheet', logo: '/logo.png' },
    origin,
    language: 'en',
  };
  // What a page embeds: the serialized form, where absent fields are really absent.
  const emitted = (value: NewsArticleInput) =>
    JSON.parse(serializeJsonLd(newsArticle(value))) as Record<string, unknown>;

  test('is a schema.org NewsArticle with headline, dates and an absolute url', () => {
    expect(emitted(input)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Head of Xiaomi Auto charms buyers',
      description: 'A new tone dominates the industry.',
      url: 'https://broadsheet.example/articles/xiaomi-su7/',
      mainEntityOfPage: { '@id': 'https://broadsheet.example/articles/xiaomi-su7/' },
      datePublished: '2025-03-03T09:00:00+08:00',
      dateModified: '2025-03-04T10:00:00+08:00',
      image: ['https://broadsheet.example/_astro/lead.jpg'],
      articleSection: 'Auto',
      keywords: ['Xiaomi', 'Electric vehicles'],
      inLanguage: 'en',
    });
  });

  test.each([
    { format: 'news', type: 'NewsArticle' },
    { format: 'analysis', type: 'AnalysisNewsArticle' },
    { format: 'opinion', type: 'OpinionNewsArticle' },
    { format: 'explainer', type: 'BackgroundNewsArticle' },
  ] as const)('a $format article is a schema.org $type', ({ format, type }) => {
    expect(emitted({ ...input, format })['@type']).toBe(type);
  });

  test('each author is a Person linked to their author page by absolute URL', () => {
    expect(emitted(input)['author']).toEqual([
      { '@type': 'Person', name: 'Ni Tao', url: 'https://broadsheet.example/authors/ni-tao/' },
      { '@type': 'Person', name: 'Li Mei', url: 'https://broadsheet.example/authors/li-mei/' },
    ]);
  });

  test('the publisher carries its name and an absolute logo URL', () => {
    expect(emitted(input)['publisher']).toMatchObject({
      name: 'The Broadsheet',
      logo: { '@type': 'ImageObject', url: 'https://broadsheet.example/logo.png' },
    });
  });

  test('an article outside any series has no isPartOf', () => {
    expect(emitted(input)).not.toHaveProperty('isPartOf');
  });

  test('an article in a series is part of it, linked by absolute URL', () => {
    const series = { id: 'xiaomi-from-phones-to-cars', name: 'Xiaomi: from phones to cars' };
    expect(emitted({ ...input, series })['isPartOf']).toEqual({
      '@type': 'CreativeWorkSeries',
      name: 'Xiaomi: from phones to cars',
      url: 'https://broadsheet.example/series/xiaomi-from-phones-to-cars/',
    });
  });

  test('an article without corrections has no correction', () => {
    expect(emitted(input)).not.toHaveProperty('correction');
  });

  test('each correction is a dated CorrectionComment', () => {
    const corrections = [
      { date: '2025-03-04T10:00:00+08:00', text: 'An earlier version misstated the price.' },
      { date: '2025-03-05T10:00:00+08:00', text: 'The launch was in March.' },
    ];
    expect(emitted({ ...input, corrections })['correction']).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'An earlier version misstated the price.',
        datePublished: '2025-03-04T10:00:00+08:00',
      },
      {
        '@type': 'CorrectionComment',
        text: 'The launch was in March.',
        datePublished: '2025-03-05T10:00:00+08:00',
      },
    ]);
  });

  test('a hostile headline is escaped in the emitted JSON and read back intact', () => {
    const headline = '</script><script>alert(1)</script>';
    const json = serializeJsonLd(newsArticle({ ...input, headline }));
    expect(json).not.toMatch(/<\/script/i);
    expect((JSON.parse(json) as { headline: string }).headline).toBe(headline);
  });
});

describe('sectionBreadcrumbs', () => {
  test('lists each section from the top, numbered from 1, with absolute URLs', () => {
    const path = [
      { id: 'business', name: 'Business' },
      { id: 'business/auto', name: 'Auto' },
    ];
    expect(sectionBreadcrumbs(path, `${origin}/`)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Business', item: 'https://broadsheet.example/business/' },
        { '@type': 'ListItem', position: 2, name: 'Auto', item: 'https://broadsheet.example/business/auto/' },
      ],
    });
  });
});

describe('articleJsonLd', () => {
  const jsonLdSite = { ...site, logo: { src: '/logo.png' }, shareImage: { src: '/share.png' } };
  const opinion = article({
    id: 'xiaomi-decorum',
    section: 'business/auto',
    authors: ['ni-tao'],
    publishedAt: '2025-03-03T01:00:00Z',
    tags: ['Xiaomi'],
    series: { id: 'xiaomi', part: 2 },
    data: {
      format: 'opinion',
      updatedAt: new Date('2025-03-04T02:00:00Z'),
      corrections: [{ date: new Date('2025-03-04T02:00:00Z'), text: 'The price was wrong.' }],
    },
  });
  const [story, crumbs] = articleJsonLd(opinion, jsonLdSite, [
    'https://broadsheet.example/_astro/lead.jpg',
  ]).map((value) => JSON.parse(serializeJsonLd(value)) as Record<string, unknown>);

  test("gives the article its format's type, its site-zone dates and the section path", () => {
    expect(story).toMatchObject({
      '@type': 'OpinionNewsArticle',
      url: 'https://broadsheet.example/articles/xiaomi-decorum/',
      headline: 'Headline of xiaomi-decorum',
      description: 'Standfirst of xiaomi-decorum.',
      image: ['https://broadsheet.example/_astro/lead.jpg'],
      datePublished: '2025-03-03T09:00:00+08:00',
      dateModified: '2025-03-04T10:00:00+08:00',
      articleSection: 'Business > Auto',
      keywords: ['Xiaomi'],
      inLanguage: 'en',
      publisher: { name: 'The Broadsheet', logo: { url: 'https://broadsheet.example/logo.png' } },
      isPartOf: { name: 'Xiaomi: from phones to cars' },
      correction: [{ text: 'The price was wrong.', datePublished: '2025-03-04T10:00:00+08:00' }],
    });
  });

  test('an article without a photo shows the site share image, never an empty list', () => {
    const [first] = articleJsonLd(
      article({ id: 'plain', section: 'world', authors: ['li-mei'], publishedAt: '2025-03-03T01:00:00Z' }),
      jsonLdSite,
      [],
    ).map((value) => JSON.parse(serializeJsonLd(value)) as Record<string, unknown>);
    expect(first!['image']).toEqual(['https://broadsheet.example/share.png']);
  });

  test('an article never updated was last modified when it was published', () => {
    const [first] = articleJsonLd(
      article({ id: 'fresh', section: 'world', authors: ['li-mei'], publishedAt: '2025-03-03T01:00:00Z' }),
      jsonLdSite,
      [],
    ).map((value) => JSON.parse(serializeJsonLd(value)) as Record<string, unknown>);
    expect(first).toMatchObject({
      '@type': 'NewsArticle',
      datePublished: '2025-03-03T09:00:00+08:00',
      dateModified: '2025-03-03T09:00:00+08:00',
    });
  });

  test('follows the article with the breadcrumbs of its section path', () => {
    expect(crumbs).toEqual(sectionBreadcrumbs(opinion.sectionPath, site.url));
  });
});
