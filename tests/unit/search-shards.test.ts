import { describe, expect, test } from 'vitest';
import {
  manifestOf,
  parseManifest,
  planShards,
  reusableShards,
  shardCount,
  shardOf,
} from '../../src/lib/search-shards';

const pages = new Map(
  Array.from(
    { length: 200 },
    (_, index) => [`articles/story-${index}/index.html`, `digest-${index}`] as const,
  ),
);
const edited = 'articles/story-42/index.html';

describe('search shards', () => {
  test('a page always goes to the same shard, and 200 pages fill every shard', () => {
    expect(shardOf(edited)).toBe(shardOf(edited));
    const names = new Set([...pages.keys()].map(shardOf));
    expect(names.size).toBe(shardCount);
    const plan = planShards(pages, 'pagefind 1');
    expect(plan.flatMap((shard) => shard.pages).sort()).toEqual([...pages.keys()].sort());
    expect(manifestOf(plan).bundles).toEqual(plan.map((shard) => `/pagefind/${shard.name}/`));
    for (const shard of plan) expect(shard.pages.length).toBeLessThan(200 / 2);
  });

  test('an edited page makes only its own shard stale', () => {
    const before = planShards(pages, 'pagefind 1');
    const after = planShards(new Map([...pages, [edited, 'digest-edited']]), 'pagefind 1');
    const kept = reusableShards(after, manifestOf(before));
    expect(kept.size).toBe(shardCount - 1);
    expect(kept.has(shardOf(edited))).toBe(false);
  });

  test('a page added to or removed from a shard makes it stale', () => {
    const before = manifestOf(planShards(pages, 'pagefind 1'));
    const added = 'articles/new-story/index.html';
    const fewer = new Map(pages);
    fewer.delete(edited);
    for (const [changed, next] of [
      [added, new Map([...pages, [added, 'new']])],
      [edited, fewer],
    ] as const) {
      const kept = reusableShards(planShards(next, 'pagefind 1'), before);
      expect(kept.size).toBe(shardCount - 1);
      expect(kept.has(shardOf(changed))).toBe(false);
    }
  });

  test('another indexer, or no previous build, keeps nothing', () => {
    const before = planShards(pages, 'pagefind 1');
    expect(reusableShards(planShards(pages, 'pagefind 2'), manifestOf(before)).size).toBe(0);
    expect(reusableShards(before, undefined).size).toBe(0);
    expect(reusableShards(before, manifestOf(before)).size).toBe(shardCount);
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
