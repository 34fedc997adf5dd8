import { describe, expect, test } from 'vitest';
import { unknownReference } from '../../src/lib/references';

describe('unknownReference', () => {
  test.each([
    {
      what: 'lists the valid ids and suggests the closest',
      collection: 'sections' as const,
      id: 'business/autos',
      known: ['business/auto', 'business'],
      message:
        'section "business/autos" is not in content/sections/: use one of business, business/auto, or add content/sections/business/autos.yaml. Did you mean "business/auto"?',
    },
    {
      what: 'suggests nothing far off',
      collection: 'sections' as const,
      id: 'sport',
      known: ['business', 'business/auto'],
      message:
        'section "sport" is not in content/sections/: use one of business, business/auto, or add content/sections/sport.yaml.',
    },
    {
      what: 'says when there are none yet',
      collection: 'authors' as const,
      id: 'ni-tao',
      known: [],
      message:
        'author "ni-tao" is not in content/authors/, which has none yet: add content/authors/ni-tao.yaml first.',
    },
    {
      what: 'names a series as a series',
      collection: 'series' as const,
      id: 'xiaomi',
      known: ['xiaomi-from-phones-to-cars'],
      message:
        'series "xiaomi" is not in content/series/: use one of xiaomi-from-phones-to-cars, or add content/series/xiaomi.yaml.',
    },
  ])('$what', ({ collection, id, known, message }) => {
    expect(unknownReference(collection, id, known)).toBe(message);
  });

  test('with many ids it lists the closest few and the count', () => {
    const known = Array.from({ length: 30 }, (_, index) => `author-${String(index).padStart(2, '0')}`);
    expect(unknownReference('authors', 'author-7', new Set(known))).toBe(
      'author "author-7" is not in content/authors/: use one of author-07, author-17, author-27, author-00, author-01, … (30 in content/authors/), or add content/authors/author-7.yaml. Did you mean "author-07"?',
    );
  });
});
