import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  discardUnfinishedBuild,
  lastNewestPartition,
  recordNewestPartition,
} from '../../src/lib/build-cache.ts';

test('an unfinished build loses its page manifest and the images it wrote, and keeps older images', () => {
  const cache = mkdtempSync(join(tmpdir(), 'broadsheet-cache-'));
  mkdirSync(join(cache, 'assets', 'nested'), { recursive: true });
  const old = join(cache, 'assets', 'nested', 'old.avif');
  const fresh = join(cache, 'assets', 'fresh.avif');
  for (const file of [join(cache, 'incremental-build.json'), old, fresh]) writeFileSync(file, 'x');
  const startedAt = Date.now();
  utimesSync(old, new Date(startedAt - 60_000), new Date(startedAt - 60_000));
  utimesSync(fresh, new Date(startedAt + 1000), new Date(startedAt + 1000));

  discardUnfinishedBuild(cache, startedAt);

  expect(existsSync(join(cache, 'incremental-build.json'))).toBe(false);
  expect(existsSync(fresh)).toBe(false);
  expect(existsSync(old)).toBe(true);
});

test('a cache folder that does not exist yet is not an error', () => {
  expect(() => discardUnfinishedBuild(join(tmpdir(), 'broadsheet-no-such-cache'), Date.now())).not.toThrow();
});

describe('the newest partition of the last plan, which the next build starts with', () => {
  const cache = () => mkdtempSync(join(tmpdir(), 'broadsheet-cache-'));

  test('is the one recorded with the same partition size', () => {
    const folder = cache();
    recordNewestPartition(folder, 25_000, { from: 2019 });
    expect(lastNewestPartition(folder, 25_000)).toEqual({ from: 2019 });
  });

  test('a plan of one partition (every year in one) is recorded as such', () => {
    const folder = cache();
    recordNewestPartition(folder, 25_000, {});
    expect(lastNewestPartition(folder, 25_000)).toEqual({ from: undefined });
  });

  test('is none with another partition size, which divides the archive otherwise', () => {
    const folder = cache();
    recordNewestPartition(folder, 25_000, { from: 2019 });
    expect(lastNewestPartition(folder, 10_000)).toBeUndefined();
  });

  test('is none before any is recorded, or when the record is not one', () => {
    const folder = cache();
    expect(lastNewestPartition(folder, 25_000)).toBeUndefined();
    for (const text of [
      '',
      '{',
      'null',
      '[]',
      '{"25000":null}',
      '{"25000":{"from":"2019"}}',
      '{"25000":{"from":2019,"to":2020}}',
    ]) {
      writeFileSync(join(folder, 'newest-partition.json'), text);
      expect(lastNewestPartition(folder, 25_000)).toBeUndefined();
    }
  });
});
