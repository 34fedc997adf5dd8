import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { articleSchema, authorSchema, sectionSchema, seriesSchema } from '../../src/lib/schema/index.ts';
import type { SchemaHelpers } from '../../src/lib/schema/index.ts';
import { unknownFields } from '../../src/lib/schema/unknown-fields.ts';
import { utcOffset } from '../../src/lib/dates.ts';
import { site } from '../../src/site.config.ts';

// Stand-ins for Astro's image() and reference(): an image is already resolved metadata, a reference
// is the id an editor writes.
const helpers = {
  image: () => z.object({ src: z.string(), width: z.number(), height: z.number(), format: z.string() }),
  reference: (collection: string) => z.string().transform((id) => ({ id, collection })),
} as unknown as SchemaHelpers;

const photo = { src: '/photos/lead.jpg', width: 1200, height: 800, format: 'jpg' };

const valid = {
  title: 'Head of Xiaomi Auto charms buyers with "decorum"',
  standfirst: "Rivals' smear tactics backfire.",
  section: 'business/auto',
  authors: ['ni-tao'],
  publishedAt: '2025-03-03T09:00:00+08:00',
};

/** The first issue of a failed parse, for assertions on what the editor reads. */
function issueOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  const issue = result.error?.issues[0];
  return { path: issue?.path, message: issue?.message ?? '' };
}

describe('articleSchema', () => {
  const schema = articleSchema(helpers);

  test('a minimal article parses, with dates as Date objects and defaults filled in', () => {
    const article = schema.parse(valid);
    expect(article.publishedAt).toBeInstanceOf(Date);
    expect(article.publishedAt.toISOString()).toBe('2025-03-03T01:00:00.000Z');
    expect(article).toMatchObject({
      section: { id: 'business/auto', collection: 'sections' },
      authors: [{ id: 'ni-tao', collection: 'authors' }],
      tags: [],
      corrections: [],
      draft: false,
      featured: false,
      format: 'news',
      bodyFigures: [],
    });
    expect(article.updatedAt).toBeUndefined();
  });

  test('headline and standfirst get curly quotes and apostrophes', () => {
    const article = schema.parse(valid);
    expect(article.title).toBe('Head of Xiaomi Auto charms buyers with “decorum”');
    expect(article.standfirst).toBe('Rivals’ smear tactics backfire.');
  });

  test('a complete article parses every field', () => {
    const article = schema.parse({
      ...valid,
      updatedAt: '2025-03-04T10:00:00+08:00',
      slug: 'xiaomi-decorum',
      format: 'analysis',
      tags: ['Xiaomi', ' Lei Jun '],
      hero: { src: photo, alt: 'Lei Jun on stage', caption: 'The launch', credit: 'Xiaomi' },
      editorsNote: 'Part two of two.',
      series: { id: 'xiaomi-from-phones-to-cars', part: 2 },
      disclosure: 'The author has no conflicts.',
      corrections: [{ date: '2025-03-04T10:00:00+08:00', text: 'The price was wrong.' }],
      draft: true,
      featured: true,
      canonical: 'https://www.shine.cn/opinion/xiaomi',
      bodyFigures: [{ src: photo, alt: 'A livestream' }],
    });
    expect(article.updatedAt?.toISOString()).toBe('2025-03-04T02:00:00.000Z');
    expect(article.corrections[0]?.date).toBeInstanceOf(Date);
    expect(article.tags).toEqual(['Xiaomi', 'Lei Jun']);
    expect(article.series).toEqual({
      id: { id: 'xiaomi-from-phones-to-cars', collection: 'series' },
      part: 2,
    });
    expect(article.hero).toEqual({
      src: photo,
      alt: 'Lei Jun on stage',
      caption: 'The launch',
      credit: 'Xiaomi',
    });
    expect(article).toMatchObject({
      slug: 'xiaomi-decorum',
      format: 'analysis',
      draft: true,
      featured: true,
    });
  });

  test.each([
    { what: 'a missing title', patch: { title: undefined }, path: ['title'], words: /needs a headline/ },
    { what: 'an empty title', patch: { title: '   ' }, path: ['title'], words: /headline.*empty/ },
    {
      what: 'a missing standfirst',
      patch: { standfirst: undefined },
      path: ['standfirst'],
      words: /standfirst/,
    },
    {
      what: 'publishedAt without an offset',
      patch: { publishedAt: '2025-03-03T09:00:00' },
      path: ['publishedAt'],
      // The suggested offset is the site's own at that time, not a fixed one.
      words: new RegExp(
        `no UTC offset.*"2025-03-03T09:00:00\\${utcOffset(new Date('2025-03-03T09:00:00Z'), site.timezone)}" for ${site.timezone} time`,
      ),
    },
    {
      what: 'an impossible date',
      patch: { publishedAt: '2025-02-30T09:00:00+08:00' },
      path: ['publishedAt'],
      words: /"2025-02-30T09:00:00\+08:00" is not a date that exists.*check the day and month/,
    },
    {
      what: 'an unquoted date that YAML read as something else',
      patch: { publishedAt: 20250303 },
      path: ['publishedAt'],
      words: /in quotes/,
    },
    {
      what: 'an updatedAt without an offset',
      patch: { updatedAt: '2025-03-04T10:00' },
      path: ['updatedAt'],
      words: /no UTC offset/,
    },
    {
      what: 'an empty authors list',
      patch: { authors: [] },
      path: ['authors'],
      words: /at least one author/,
    },
    {
      what: 'a slug with a space and capitals',
      patch: { slug: 'Bad Slug' },
      path: ['slug'],
      words: /lowercase.*hyphens/,
    },
    {
      what: 'a slug with a double hyphen',
      patch: { slug: 'bad--slug' },
      path: ['slug'],
      words: /single hyphens/,
    },
    {
      what: 'a hero without alt text',
      patch: { hero: { src: photo } },
      path: ['hero', 'alt'],
      words: /alt text/,
    },
    {
      what: 'a hero with empty alt text',
      patch: { hero: { src: photo, alt: '' } },
      path: ['hero', 'alt'],
      words: /alt text.*empty/,
    },
    {
      what: 'a body figure without alt text',
      patch: {
        bodyFigures: [
          { src: photo, alt: 'fine' },
          { src: photo, alt: '' },
        ],
      },
      path: ['bodyFigures', 1, 'alt'],
      words: /alt text/,
    },
    {
      what: 'series part 0',
      patch: { series: { id: 'xiaomi-from-phones-to-cars', part: 0 } },
      path: ['series', 'part'],
      words: /whole number from 1/,
    },
    {
      what: 'series part 1.5',
      patch: { series: { id: 'xiaomi-from-phones-to-cars', part: 1.5 } },
      path: ['series', 'part'],
      words: /whole number from 1/,
    },
    {
      what: 'a canonical that is not a web address',
      patch: { canonical: 'ftp://example.com/a' },
      path: ['canonical'],
      words: /full web address.*https:\/\//,
    },
    {
      what: 'a canonical that is a relative path',
      patch: { canonical: '/articles/a/' },
      path: ['canonical'],
      words: /full web address/,
    },
    {
      what: 'a correction without a date',
      patch: { corrections: [{ text: 'Fixed.' }] },
      path: ['corrections', 0, 'date'],
      words: /date-time/,
    },
    {
      what: 'an allow that is one text, not a list',
      patch: { allow: '814,9f00' },
      path: ['allow'],
      words: /a list of the exact texts.*allow: \["814,9f00"\]/,
    },
    {
      what: 'tags written as one text, not a list',
      patch: { tags: 'Markets, #Shipping' },
      path: ['tags'],
      words: /^must be a list in brackets: `tags: \[Markets, "#Shipping"\]`$/,
    },
    {
      what: 'an author written as a text, not a list',
      patch: { authors: 'ni-tao' },
      path: ['authors'],
      words: /^must be a list in brackets: `authors: \[ni-tao\]`$/,
    },
    {
      what: 'draft: yes (a text to YAML)',
      patch: { draft: 'yes' },
      path: ['draft'],
      words: /^must be true or false, without quotes: `draft: true`$/,
    },
    {
      what: 'featured: "false" in quotes',
      patch: { featured: 'false' },
      path: ['featured'],
      words: /^must be true or false, without quotes: `featured: false`$/,
    },
    {
      what: 'an empty text in allow',
      patch: { allow: ['814,9f00', ' '] },
      path: ['allow', 1],
      words: /empty/,
    },
    {
      what: 'a hero focus that is not a side of the photo',
      patch: { hero: { src: photo, alt: 'A car', focus: 'middle' } },
      path: ['hero', 'focus'],
      words: /^"middle" is not a focus: write one of top, bottom, left, right or center/,
    },
    {
      what: 'an unknown format',
      patch: { format: 'gossip' },
      path: ['format'],
      words: /"gossip" is not a format: write one of news, analysis, .*, obituary/,
    },
  ])('$what is refused at $path with a message saying what to write', ({ patch, path, words }) => {
    const issue = issueOf(schema, { ...valid, ...patch });
    expect(issue.path).toEqual(path);
    expect(issue.message).toMatch(words);
  });
});

describe('articleSchema: what editors record about their text and photos', () => {
  const schema = articleSchema(helpers);

  test('allow lists texts the linter accepts as written; none by default', () => {
    expect(schema.parse(valid).allow).toEqual([]);
    expect(schema.parse({ ...valid, allow: ['814,9f00', ' Super Bowl XXX '] }).allow).toEqual([
      '814,9f00',
      'Super Bowl XXX',
    ]);
  });

  test.each(['none', 'None', ' NONE '])(
    'credit "%s" records a photo without credit: the article has no credit to print',
    (credit) => {
      const article = schema.parse({
        ...valid,
        hero: { src: photo, alt: 'A car', credit },
        bodyFigures: [{ src: photo, alt: 'A livestream', caption: 'Lei Jun.', credit }],
      });
      expect(article.hero).toEqual({ src: photo, alt: 'A car' });
      expect(article.bodyFigures).toEqual([{ src: photo, alt: 'A livestream', caption: 'Lei Jun.' }]);
    },
  );

  test.each(['top', 'bottom', 'left', 'right', 'center'] as const)(
    'a hero may keep its %s in a listing’s 3:2 crop; no focus by default',
    (focus) => {
      expect(schema.parse({ ...valid, hero: { src: photo, alt: 'A car', focus } }).hero?.focus).toBe(focus);
      expect(schema.parse({ ...valid, hero: { src: photo, alt: 'A car' } }).hero?.focus).toBeUndefined();
    },
  );

  test('a credit that only starts with "none" is a credit', () => {
    const article = schema.parse({ ...valid, hero: { src: photo, alt: 'A car', credit: 'Nonesuch Press' } });
    expect(article.hero?.credit).toBe('Nonesuch Press');
  });
});

describe('authorSchema', () => {
  const schema = authorSchema(helpers);
  const author = { name: 'Ni Tao', role: 'Contributor', bio: 'A business analyst.' };

  test('a name, role and bio are enough; links default to none', () => {
    expect(schema.parse(author)).toEqual({ ...author, links: [] });
  });

  test('a photo and links parse', () => {
    const parsed = schema.parse({
      ...author,
      photo: { src: photo, alt: 'Ni Tao' },
      links: [{ label: 'Site', url: 'https://example.com' }],
    });
    expect(parsed.photo?.alt).toBe('Ni Tao');
    expect(parsed.links).toEqual([{ label: 'Site', url: 'https://example.com' }]);
  });

  test.each([
    { what: 'a missing name', input: { ...author, name: undefined }, path: ['name'], words: /author name/ },
    { what: 'an empty bio', input: { ...author, bio: '' }, path: ['bio'], words: /bio.*empty/ },
    {
      what: 'a portrait without alt text',
      input: { ...author, photo: { src: photo } },
      path: ['photo', 'alt'],
      words: /alt text/,
    },
    {
      what: 'a link that is not a web address',
      input: { ...author, links: [{ label: 'Mail', url: 'mailto:a@b.c' }] },
      path: ['links', 0, 'url'],
      words: /https:\/\//,
    },
  ])('$what is refused', ({ input, path, words }) => {
    const issue = issueOf(schema, input);
    expect(issue.path).toEqual(path);
    expect(issue.message).toMatch(words);
  });
});

describe('sectionSchema', () => {
  test('order defaults to 100', () => {
    expect(sectionSchema.parse({ name: 'Auto', description: 'Carmakers.' })).toEqual({
      name: 'Auto',
      description: 'Carmakers.',
      order: 100,
    });
  });

  test.each([
    { what: 'a missing name', input: { description: 'x' }, path: ['name'], words: /section name/ },
    {
      what: 'an empty description',
      input: { name: 'Auto', description: ' ' },
      path: ['description'],
      words: /empty/,
    },
  ])('$what is refused', ({ input, path, words }) => {
    const issue = issueOf(sectionSchema, input);
    expect(issue.path).toEqual(path);
    expect(issue.message).toMatch(words);
  });
});

describe('seriesSchema', () => {
  test('a name, description and number of parts parse', () => {
    const series = { name: 'Xiaomi: from phones to cars', description: 'Two parts.', parts: 2 };
    expect(seriesSchema.parse(series)).toEqual(series);
  });

  test.each([
    {
      what: 'no parts',
      input: { name: 'S', description: 'D', parts: 0 },
      path: ['parts'],
      words: /planned number of parts/,
    },
    {
      what: 'a missing parts count',
      input: { name: 'S', description: 'D' },
      path: ['parts'],
      words: /number/,
    },
    {
      what: 'an empty name',
      input: { name: '', description: 'D', parts: 2 },
      path: ['name'],
      words: /series name/,
    },
  ])('$what is refused', ({ input, path, words }) => {
    const issue = issueOf(seriesSchema, input);
    expect(issue.path).toEqual(path);
    expect(issue.message).toMatch(words);
  });
});

describe('unknownFields', () => {
  test('finds fields a schema does not have at any depth, under optional, default and transformed fields', () => {
    const data = {
      ...valid,
      hero: { src: photo, alt: 'A car', captoin: 'At the port.' },
      corrections: [{ date: '2025-03-04T09:00:00+08:00', text: 'Fixed.', by: 'the desk' }],
      tags: ['Port'],
    };
    expect(unknownFields(data, articleSchema(helpers))).toEqual([
      { in: ['hero'], key: 'captoin', known: ['src', 'alt', 'caption', 'credit', 'focus'] },
      { in: ['corrections', 0], key: 'by', known: ['date', 'text'] },
    ]);
    expect(unknownFields(valid, articleSchema(helpers))).toEqual([]);
  });
});
