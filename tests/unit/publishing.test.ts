import { describe, expect, test } from 'vitest';
import {
  inBuild,
  isPublished,
  newestFirst,
  previewMark,
  publicationState,
} from '../../src/lib/publishing.ts';

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

describe('inBuild', () => {
  const at = (iso: string) => new Date(iso);
  describe.each([
    { state: 'draft', article: { draft: true, publishedAt: at('2026-01-15T03:00:00Z') } },
    { state: 'a draft dated later', article: { draft: true, publishedAt: at('2026-01-15T04:00:01Z') } },
    { state: 'embargoed by one second', article: { draft: false, publishedAt: at('2026-01-15T04:00:01Z') } },
    { state: 'embargoed for a year', article: { draft: false, publishedAt: at('2027-01-15T04:00:00Z') } },
    { state: 'published at this second', article: { draft: false, publishedAt: at('2026-01-15T04:00:00Z') } },
    { state: 'published long ago', article: { draft: false, publishedAt: at('2001-01-01T00:00:00Z') } },
  ])('an article $state', ({ article }) => {
    const published = isPublished(article, now);
    test.each([
      { preview: false, built: published },
      { preview: true, built: true },
    ])('is in the build with preview $preview: $built', ({ preview, built }) => {
      expect(inBuild(article, now, { preview })).toBe(built);
    });
  });

  test('a production build holds exactly the published articles, at the exact second', () => {
    const second = (iso: string) => ({ draft: false, publishedAt: at(iso) });
    expect(inBuild(second('2026-01-15T03:59:59.999Z'), now, { preview: false })).toBe(true);
    expect(inBuild(second('2026-01-15T04:00:00.000Z'), now, { preview: false })).toBe(true);
    expect(inBuild(second('2026-01-15T04:00:00.001Z'), now, { preview: false })).toBe(false);
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

describe('previewMark', () => {
  const publishedAt = new Date('2026-01-20T01:00:00Z');
  test.each([
    { state: 'draft', timeZone: 'Asia/Shanghai', mark: 'Draft' },
    { state: 'embargoed', timeZone: 'Asia/Shanghai', mark: 'Embargoed until 20 January 2026, 09:00 GMT+8' },
    {
      state: 'embargoed',
      timeZone: 'America/New_York',
      mark: 'Embargoed until 19 January 2026, 20:00 GMT-5',
    },
    { state: 'published', timeZone: 'Asia/Shanghai', mark: undefined },
  ] as const)('a $state article in $timeZone is marked $mark', ({ state, timeZone, mark }) => {
    expect(previewMark({ state, publishedAt }, timeZone)).toBe(mark);
  });
});
