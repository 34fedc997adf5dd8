import { describe, expect, test } from 'vitest';
import {
  manifestOf,
  parseManifest,
  planShards,
  recentShardCount,
  reusableShards,
  shardCount,
  shardOf,
} from '../../src/lib/search-shards';
import type { SearchPage, Shard } from '../../src/lib/search-shards';

/** 400 pages: 200 of the newest year, 2026, and 200 over the eight years before. */
const pages = new Map<string, SearchPage>(
  Array.from({ length: 400 }, (_, index) => [
    `articles/story-${index}/index.html`,
    { digest: `digest-${index}`, year: index < 200 ? 2026 : 2018 + (index % 8) },
  ]),
);
const edited = 'articles/story-42/index.html';
const old = 'articles/story-242/index.html';
const shardsOf = (plan: Shard[]) =>
  new Map(plan.flatMap(({ name, pages }) => pages.map((page) => [page, name])));

describe('search shards', () => {
  test('the newest year’s pages fill its shards by their paths, and each earlier year is in a shard of its own years', () => {
    const plan = planShards(pages, 'pagefind 1');
    expect(plan.map((shard) => shard.name)).toEqual([
      ...Array.from({ length: shardCount }, (_, index) => `a${index}`),
      ...Array.from({ length: recentShardCount }, (_, index) => `r${index}`),
    ]);
    expect(plan.flatMap((shard) => shard.pages).sort()).toEqual([...pages.keys()].sort());
    for (const shard of plan.filter(({ name }) => name.startsWith('r')))
      expect(shard.pages.length).toBeLessThan(200 / 2);
    expect(shardOf(edited, 2026, 2026)).toBe(shardOf(edited, 2026, 2026));
    expect(shardOf(edited, 2026, 2026)).toBe(shardOf(edited));
    expect(shardOf(old, 2021, 2026)).toBe('a5');
    expect(shardOf(old, 2029, 2030)).toBe('a5');
    // Story 242 is of 2020, and 2020 mod 8 is 4; years eight apart share a shard.
    expect(shardsOf(plan).get(old)).toBe('a4');
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
      [added, new Map([...pages, [added, { digest: 'new', year: 2026 }]])],
      [edited, fewer],
    ] as const) {
      const kept = reusableShards(planShards(next, 'pagefind 1'), before);
      expect(kept.size).toBe(before.shards.length - 1);
      expect(kept.has(shardOf(changed, 2026, 2026))).toBe(false);
    }
  });

  // Publishing re-indexed one shard in eight of the whole archive, 12,500 pages at 100,000 articles.
  test('publishing a story re-indexes one shard of the newest year’s; the first of a new year, one archive shard besides', () => {
    const before = planShards(pages, 'pagefind 1');
    const story = 'articles/newest-story/index.html';
    const published = planShards(new Map([...pages, [story, { digest: 'new', year: 2026 }]]), 'pagefind 1');
    expect(reusableShards(published, manifestOf(before)).size).toBe(before.length - 1);
    const newYear = planShards(new Map([...pages, [story, { digest: 'new', year: 2027 }]]), 'pagefind 1');
    const stale = newYear.filter(({ name }) => !reusableShards(newYear, manifestOf(before)).has(name));
    // 2026 moves into its archive shard; the new year's shards hold the one story so far.
    expect(stale.map(({ name }) => name)).toEqual(['a2', shardOf(story)]);
    expect(newYear.filter(({ name }) => name.startsWith('r')).flatMap((shard) => shard.pages)).toEqual([
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
