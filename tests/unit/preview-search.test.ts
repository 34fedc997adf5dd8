import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { lastBuildIndex, previewSearchNote } from '../../src/lib/preview-search.ts';

const project = mkdtempSync(join(tmpdir(), 'preview-search-'));
afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('lastBuildIndex', () => {
  test('is undefined before the first build', () => {
    expect(lastBuildIndex(project)).toBeUndefined();
  });

  test("is the last build's search index, dated by its shard list", () => {
    const dir = join(project, 'dist', 'pagefind');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'shards.json'), '{"bundles":[],"shards":[]}');
    const builtAt = new Date('2026-01-19T10:30:00Z');
    utimesSync(join(dir, 'shards.json'), builtAt, builtAt);
    expect(lastBuildIndex(project)).toEqual({ dir, builtAt });
  });
});

describe('previewSearchNote', () => {
  test('without an index, says how to get one', () => {
    expect(previewSearchNote(undefined, 'Asia/Shanghai')).toBe(
      'Search in the preview uses the last production build, and there is none yet: run npm run build once, then reload this page.',
    );
  });

  test('with an index, says which build it is and what it cannot find', () => {
    const index = { dir: '/x', builtAt: new Date('2026-01-19T10:30:00Z') };
    expect(previewSearchNote(index, 'Asia/Shanghai')).toBe(
      'Search in the preview uses the last production build (19 January 2026, 18:30 GMT+8): it finds the articles published then, not drafts, embargoed articles or later edits. Run npm run build to bring it up to date.',
    );
  });
});
