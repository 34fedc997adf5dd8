import { describe, expect, test } from 'vitest';
import { articleDigest, cardDigest, digest, sharedDigest } from '../../src/lib/cache-keys.ts';
import type { Article } from '../../src/lib/model.ts';

const section = { id: 'world', name: 'World', description: 'News from abroad.', order: 1 };
const author = { id: 'ada', name: 'Ada Reporter', role: 'Reporter', bio: 'A synthetic reporter.', links: [] };
const series = { id: 'water', name: 'Water', description: 'A synthetic series.', parts: 3 };

/** A synthetic article with the fields a card digest reads; `change` replaces some of them. */
function article(change: Partial<Article> & { title?: string } = {}): Article {
  const { title = 'Headline', ...rest } = change;
  return {
    id: 'x',
    url: '/articles/x/',
    data: { title, publishedAt: new Date('2026-01-01T00:00:00Z') },
    body: 'body-key-1',
    section,
    sectionPath: [section],
    authors: [author],
    series: { series, part: 1, label: 'Water, part 1 of 3' },
    readingMinutes: 3,
    state: 'published',
    ...rest,
  } as unknown as Article;
}

describe('cache keys', () => {
  test('equal values give equal digests; any change gives another', () => {
    expect(digest({ a: 1 }, [2])).toBe(digest({ a: 1 }, [2]));
    expect(digest({ a: 1 }, [2])).not.toBe(digest({ a: 1 }, [3]));
    expect(digest(new Date('2026-01-01T00:00:00Z'))).not.toBe(digest(new Date('2026-01-02T00:00:00Z')));
  });

  test('an object many keys hold digests as itself', () => {
    expect(sharedDigest(section)).toBe(digest(section));
    expect(sharedDigest({ ...section, name: 'Abroad' })).not.toBe(sharedDigest(section));
  });

  test('a card ignores the body and sees everything else; the full digest sees the body too', () => {
    expect(cardDigest(article())).toBe(cardDigest(article({ body: 'body-key-2' })));
    expect(cardDigest(article())).not.toBe(cardDigest(article({ title: 'Other' })));
    expect(articleDigest(article())).not.toBe(articleDigest(article({ body: 'body-key-2' })));
  });

  test("a card sees its section, its section's path, its authors and its series", () => {
    const renamed = { ...section, name: 'Abroad' };
    const changes: Partial<Article>[] = [
      { section: renamed },
      { sectionPath: [{ ...section, id: 'news', name: 'News' }, section] },
      { authors: [{ ...author, role: 'Correspondent' }] },
      { authors: [author, { ...author, id: 'bo', name: 'Bo Writer' }] },
      { series: { series: { ...series, parts: 4 }, part: 1, label: 'Water, part 1 of 4' } },
      { series: undefined },
      { readingMinutes: 4 },
      { url: '/articles/y/' },
    ];
    const cards = new Set([cardDigest(article()), ...changes.map((change) => cardDigest(article(change)))]);
    expect(cards.size).toBe(changes.length + 1);
  });
});
