import { describe, expect, test } from 'vitest';
import { articleDigest, cardDigest, digest } from '../../src/lib/cache-keys.ts';

const article = (title: string, body: string) => ({
  id: 'x',
  title,
  body,
  at: new Date('2026-01-01T00:00:00Z'),
});

describe('cache keys', () => {
  test('equal values give equal digests; any change gives another', () => {
    expect(digest({ a: 1 }, [2])).toBe(digest({ a: 1 }, [2]));
    expect(digest({ a: 1 }, [2])).not.toBe(digest({ a: 1 }, [3]));
    expect(digest(new Date('2026-01-01T00:00:00Z'))).not.toBe(digest(new Date('2026-01-02T00:00:00Z')));
  });

  test('Maps and Sets are digested by their contents', () => {
    expect(digest(new Map([['a', 1]]))).not.toBe(digest(new Map([['a', 2]])));
    expect(digest(new Set(['a']))).not.toBe(digest(new Set(['b'])));
  });

  test('a card ignores the body and sees everything else; the full digest sees the body too', () => {
    expect(cardDigest(article('Headline', '<p>One</p>'))).toBe(cardDigest(article('Headline', '<p>Two</p>')));
    expect(cardDigest(article('Headline', '<p>One</p>'))).not.toBe(
      cardDigest(article('Other', '<p>One</p>')),
    );
    expect(articleDigest(article('Headline', '<p>One</p>'))).not.toBe(
      articleDigest(article('Headline', '<p>Two</p>')),
    );
  });
});
