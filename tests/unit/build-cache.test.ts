import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  discardUnfinishedBuild,
  discardedOutput,
  lastNewestPartition,
  leaveLinkCopy,
  recordNewestPartition,
  replacedOutput,
} from '../../src/lib/build-cache.ts';
import { fileId } from '../../src/lib/links.ts';
import { writeFiles } from '../support/content-files.ts';

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

// After a build that rendered every page, the site is published before the copy is made.
describe('the copy in links of a new output, left for the next build to assemble in', () => {
  const published = () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'broadsheet-out-')), 'dist');
    writeFiles(outDir, { 'index.html': 'front', 'articles/a/index.html': 'a' });
    return outDir;
  };

  test('takes the place of the output set aside, each file the published one', () => {
    const outDir = published();
    writeFiles(discardedOutput(outDir), { 'index.html': 'the output it replaced' });
    expect(leaveLinkCopy(outDir)).toBeUndefined();
    expect(existsSync(discardedOutput(outDir))).toBe(false);
    for (const file of ['index.html', 'articles/a/index.html'])
      expect(fileId(join(replacedOutput(outDir), file))).toBe(fileId(join(outDir, file)));
  });

  test('that cannot be made says where and why, and leaves the published output as it was', () => {
    const outDir = published();
    writeFileSync(replacedOutput(outDir), 'in the way');
    const problem = leaveLinkCopy(outDir);
    expect(problem).toContain(replacedOutput(outDir));
    expect(problem).toMatch(/EEXIST/);
    expect(readFileSync(join(outDir, 'articles/a/index.html'), 'utf8')).toBe('a');
    expect(existsSync(replacedOutput(outDir))).toBe(false);
  });
});
