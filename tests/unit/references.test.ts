import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { closestName, dataFileExample, unknownReference } from '../../src/lib/references.ts';
import { authorSchema, sectionSchema, seriesSchema } from '../../src/lib/schema/index.ts';
import { z } from 'astro/zod';

describe('unknownReference', () => {
  test.each([
    {
      what: 'lists the valid ids and suggests the closest',
      collection: 'sections' as const,
      id: 'business/autos',
      known: ['business/auto', 'business'],
      message:
        'section "business/autos" is not in content/sections/: use one of business, business/auto, or create `content/sections/business/autos.yaml` with `name: Autos` / `description: ...`. Did you mean "business/auto"?',
    },
    {
      what: 'suggests nothing far off',
      collection: 'sections' as const,
      id: 'sport',
      known: ['business', 'business/auto'],
      message:
        'section "sport" is not in content/sections/: use one of business, business/auto, or create `content/sections/sport.yaml` with `name: Sport` / `description: ...`',
    },
    {
      what: 'says when there are none yet',
      collection: 'authors' as const,
      id: 'ni-tao',
      known: [],
      message:
        'author "ni-tao" is not in content/authors/, which has none yet: create `content/authors/ni-tao.yaml` with `name: Ni Tao` / `role: ...` / `bio: ...`',
    },
    {
      what: 'names a series as a series',
      collection: 'series' as const,
      id: 'xiaomi',
      known: ['xiaomi-from-phones-to-cars'],
      message:
        'series "xiaomi" is not in content/series/: use one of xiaomi-from-phones-to-cars, or create `content/series/xiaomi.yaml` with `name: Xiaomi` / `description: ...` / `parts: 2`',
    },
  ])('$what', ({ collection, id, known, message }) => {
    expect(unknownReference(collection, id, known)).toBe(message);
  });

  test('with many ids it lists the closest few and the count', () => {
    const known = Array.from({ length: 30 }, (_, index) => `author-${String(index).padStart(2, '0')}`);
    expect(unknownReference('authors', 'author-7', new Set(known))).toBe(
      'author "author-7" is not in content/authors/: use one of author-07, author-17, author-27, author-00, author-01, … (30 in content/authors/), or create `content/authors/author-7.yaml` with `name: Author 7` / `role: ...` / `bio: ...`. Did you mean "author-07"?',
    );
  });
});

describe('dataFileExample', () => {
  const image = () => z.string() as never;
  test.each([
    { collection: 'authors' as const, id: 'li-wei', schema: authorSchema({ image }) },
    { collection: 'sections' as const, id: 'business/auto', schema: sectionSchema },
    { collection: 'series' as const, id: 'port-fires', schema: seriesSchema },
  ])('the $collection example, once saved as it is, is a valid file', ({ collection, id, schema }) => {
    const lines = dataFileExample(collection, id);
    expect(schema.safeParse(parse(lines.join('\n'))).success).toBe(true);
  });
});

describe('closestName', () => {
  test.each([
    { name: 'lead-foto.jpg', among: ['lead-photo.jpg', 'other.png'], closest: 'lead-photo.jpg' },
    { name: 'LEAD-PHOTO.JPG', among: ['lead-photo.jpg'], closest: 'lead-photo.jpg' },
    { name: 'a.jpg', among: ['b.jpg', 'a.jpeg'], closest: 'a.jpeg' },
    { name: 'portrait.jpg', among: ['lead-photo.jpg'], closest: undefined },
    { name: 'a.jpg', among: [], closest: undefined },
  ])('$name among $among: $closest', ({ name, among, closest }) => {
    expect(closestName(name, among)).toBe(closest);
  });
});
