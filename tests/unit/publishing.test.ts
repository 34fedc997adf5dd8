import { describe, expect, test } from 'vitest';
import { isPublished, newestFirst, publicationState } from '../../src/lib/publishing';

const now = new Date('2026-01-15T04:00:00Z');

describe('publicationState', () => {
  test.each([
    { draft: true, publishedAt: '2025-01-01T00:00:00Z', state: 'draft' },
    { draft: true, publishedAt: '2027-01-01T00:00:00Z', state: 'draft' },
    { draft: false, publishedAt: '2026-01-15T04:00:00Z', state: 'published' },
    { draft: false, publishedAt: '2026-01-15T04:00:01Z', state: 'embargoed' },
    { draft: false, publishedAt: '2026-01-15T12:00:00+08:00', state: 'published' },
    { draft: false, publishedAt: '2026-01-15T12:00:01+08:00', state: 'embargoed' },
  ])('draft=$draft published $publishedAt is $state at 04:00 UTC', ({ draft, publishedAt, state }) => {
    const article = { draft, publishedAt: new Date(publishedAt) };
    expect(publicationState(article, now)).toBe(state);
    expect(isPublished(article, now)).toBe(state === 'published');
  });
});

describe('newestFirst', () => {
  test('orders by time, newest first, then by id so equal times still have one order', () => {
    const at = (id: string, iso: string) => ({ id, publishedAt: new Date(iso) });
    const sorted = [
      at('b', '2026-01-01T00:00:00Z'),
      at('c', '2026-01-02T00:00:00Z'),
      at('a', '2026-01-01T00:00:00Z'),
    ].sort(newestFirst);
    expect(sorted.map((article) => article.id)).toEqual(['c', 'a', 'b']);
  });
});
