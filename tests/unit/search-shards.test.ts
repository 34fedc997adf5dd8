import { describe, expect, test } from 'vitest';
import {
  manifestOf,
  parseManifest,
  planShards,
  recentShardCount,
  reusableShards,
  shardCount,
  shardOf,
} from '../../src/lib/search-shards.ts';
import type { SearchPage, Shard } from '../../src/lib/search-shards.ts';

/** The month `back` months before October 2026, as the record of the site's pages gives it. */
const monthsBefore = (back: number) => {
  const count = 2026 * 12 + 9 - back;
  return `${Math.floor(count / 12)}-${String((count % 12) + 1).padStart(2, '0')}`;
};

/** 400 pages: 200 of the newest month, October 2026, and 200 over the sixteen months before. */
const pages = new Map<string, SearchPage>(
  Array.from({ length: 400 }, (_, index) => [
    `articles/story-${index}/index.html`,
    { digest: `digest-${index}`, month: index < 200 ? monthsBefore(0) : monthsBefore(1 + (index % 16)) },
  ]),
);
const edited = 'articles/story-42/index.html';
const old = 'articles/story-242/index.html';
const shardsOf = (plan: Shard[]) =>
  new Map(plan.flatMap(({ name, pages }) => pages.map((page) => [page, name])));

describe('search shards', () => {
  test('the newest month’s pages fill its shards by their paths, and each earlier month is in an archive shard of every eighth month', () => {
    const plan = planShards(pages, 'pagefind 1');
    expect(plan.map((shard) => shard.name)).toEqual([
      ...Array.from({ length: shardCount }, (_, index) => `a${index}`),
      ...Array.from({ length: recentShardCount }, (_, index) => `r${index}`),
    ]);
    expect(plan.flatMap((shard) => shard.pages).sort()).toEqual([...pages.keys()].sort());
    for (const shard of plan.filter(({ name }) => name.startsWith('r')))
      expect(shard.pages.length).toBeLessThan(200 / 2);
    expect(shardOf(edited, '2026-10', '2026-10')).toBe(shardOf(edited));
    // January 2021 is month 24,252 counted from January of year 0, and 24,252 mod 8 is 4.
    expect(shardOf(old, '2021-01', '2026-10')).toBe('a4');
    expect(shardOf(old, '2021-09', '2026-10')).toBe('a4');
    expect(shardOf(old, '2021-02', '2030-10')).toBe('a5');
    // Story 242 is of July 2026 (month 24,318: 6 mod 8).
    expect(shardsOf(plan).get(old)).toBe('a6');
  });

  // An edit of an older story re-indexed its whole year (2,900 pages at 10,000 bench articles, 4.3 s).
  test('an earlier year’s pages are spread over every archive shard, a month or two in each', () => {
    const year = new Map(
      Array.from({ length: 1200 }, (_, index) => [
        `articles/old-${index}/index.html`,
        { digest: `old-${index}`, month: `2025-${String((index % 12) + 1).padStart(2, '0')}` },
      ]),
    );
    const plan = planShards(
      new Map([...year, ['articles/newest/index.html', { digest: 'new', month: '2026-10' }]]),
      'pagefind 1',
    );
    const archive = plan.filter(({ name }) => name.startsWith('a'));
    expect(archive).toHaveLength(shardCount);
    for (const shard of archive) expect(shard.pages.length).toBeLessThanOrEqual(200);
  });

  test('an edited page makes only its own shard stale', () => {
    const before = planShards(pages, 'pagefind 1');
    for (const page of [edited, old]) {
      const after = planShards(
        new Map([...pages, [page, { ...pages.get(page)!, digest: 'edited' }]]),
        'pagefind 1',
      );
      const kept = reusableShards(after, manifestOf(before));
      expect(kept.size).toBe(before.length - 1);
      expect(kept.has(shardsOf(before).get(page)!)).toBe(false);
    }
  });

  test('a page added to or removed from a shard makes it stale', () => {
    const before = manifestOf(planShards(pages, 'pagefind 1'));
    const added = 'articles/new-story/index.html';
    const fewer = new Map(pages);
    fewer.delete(edited);
    for (const [changed, next] of [
      [added, new Map([...pages, [added, { digest: 'new', month: '2026-10' }]])],
      [edited, fewer],
    ] as const) {
      const kept = reusableShards(planShards(next, 'pagefind 1'), before);
      expect(kept.size).toBe(before.shards.length - 1);
      expect(kept.has(shardOf(changed))).toBe(false);
    }
  });

  // Publishing re-indexed one shard in eight of the whole archive, 12,500 pages at 100,000 articles;
  // then one of the newest year's, which at 100 stories a day grows to 9,000 pages by December.
  test('publishing a story re-indexes one shard of the newest month’s; the first of a new month, one archive shard besides', () => {
    const before = planShards(pages, 'pagefind 1');
    const story = 'articles/newest-story/index.html';
    const published = planShards(
      new Map([...pages, [story, { digest: 'new', month: '2026-10' }]]),
      'pagefind 1',
    );
    expect(reusableShards(published, manifestOf(before)).size).toBe(before.length - 1);
    const newMonth = planShards(
      new Map([...pages, [story, { digest: 'new', month: '2026-11' }]]),
      'pagefind 1',
    );
    const stale = newMonth.filter(({ name }) => !reusableShards(newMonth, manifestOf(before)).has(name));
    // October 2026 (month 24,321: 1 mod 8) moves into its archive shard; the new month's shards
    // hold the one story so far.
    expect(stale.map(({ name }) => name)).toEqual(['a1', shardOf(story)]);
    expect(newMonth.filter(({ name }) => name.startsWith('r')).flatMap((shard) => shard.pages)).toEqual([
      story,
    ]);
  });

  test('another indexer, or no previous build, keeps nothing', () => {
    const before = planShards(pages, 'pagefind 1');
    expect(reusableShards(planShards(pages, 'pagefind 2'), manifestOf(before)).size).toBe(0);
    expect(reusableShards(before, undefined).size).toBe(0);
    expect(reusableShards(before, manifestOf(before)).size).toBe(before.length);
  });

  test("a previous site's shards.json is read back, and anything else is no manifest", () => {
    const manifest = manifestOf(planShards(pages, 'pagefind 1'));
    expect(parseManifest(JSON.stringify(manifest))).toEqual(manifest);
    for (const text of [
      undefined,
      '',
      '{"bundles":[',
      '{}',
      '{"bundles":[],"shards":[{"name":"s0"}]}',
      'null',
    ])
      expect(parseManifest(text), String(text)).toBeUndefined();
  });
});
