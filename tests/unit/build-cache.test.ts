import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { discardUnfinishedBuild } from '../../src/lib/build-cache';

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
