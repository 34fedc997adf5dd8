import { describe, expect, test } from 'vitest';
import { articleDigest, cardDigest, digest, sharedDigest } from '../../src/lib/cache-keys.ts';
import type { Article } from '../../src/lib/model.ts';
import { authors, sections, seriesById, story } from './newsroom-fixture.ts';

/** The same story, in part 1 of a series, each time a new object (as a new build makes it). */
const card = (change: Partial<Article> = {}): Article => ({
  ...story('x', 'business/auto', 1, { series: { id: 'xiaomi', part: 1 } }),
  ...change,
});

describe('cache keys', () => {
  test('equal values give equal digests; any change gives another', () => {
    expect(digest({ a: 1 }, [2])).toBe(digest({ a: 1 }, [2]));
    expect(digest({ a: 1 }, [2])).not.toBe(digest({ a: 1 }, [3]));
    expect(digest(new Date('2026-01-01T00:00:00Z'))).not.toBe(digest(new Date('2026-01-02T00:00:00Z')));
  });

  test('an object many keys hold digests as itself', () => {
    const world = sections.get('world')!;
    expect(sharedDigest(world)).toBe(digest(world));
    expect(sharedDigest({ ...world, name: 'Abroad' })).not.toBe(sharedDigest(world));
  });

  test('a card ignores the body and sees everything else; the full digest sees the body too', () => {
    expect(cardDigest(card())).toBe(cardDigest(card({ body: 'another-body-key' })));
    expect(cardDigest(card())).not.toBe(cardDigest(card({ data: { ...card().data, title: 'Other' } })));
    expect(articleDigest(card())).not.toBe(articleDigest(card({ body: 'another-body-key' })));
  });

  test("a card sees its section, its section's path, its authors and its series", () => {
    const auto = sections.get('business/auto')!;
    const liMei = authors.get('li-mei')!;
    const xiaomi = seriesById.get('xiaomi')!;
    const changes: Partial<Article>[] = [
      { section: { ...auto, name: 'Cars' } },
      { sectionPath: [{ ...sections.get('business')!, name: 'Money' }, auto] },
      { authors: [{ ...liMei, role: 'Correspondent' }] },
      { authors: [liMei, authors.get('ni-tao')!] },
      { series: { series: { ...xiaomi, parts: 3 }, part: 1, label: 'Part 1 of 3' } },
      { series: undefined },
      { readingMinutes: 4 },
      { url: '/articles/y/' },
    ];
    const cards = new Set([cardDigest(card()), ...changes.map((change) => cardDigest(card(change)))]);
    expect(cards.size).toBe(changes.length + 1);
  });
});
