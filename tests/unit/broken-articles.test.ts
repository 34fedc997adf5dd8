import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { brokenArticles } from '../../src/lib/broken-articles.ts';
import type { BrokenArticle } from '../../src/lib/broken-articles.ts';
import { cacheDirFor } from '../../src/lib/env.ts';
import { lintContent } from '../../src/lib/lint/index.ts';
import { frontmatter, newsDesk, writeFiles } from '../support/content-files.ts';

/** The dev preview shows each article the build would refuse as a page of its problems. */
const now = new Date('2026-11-27T12:00:00+08:00');
const article = (fields: Record<string, unknown>) =>
  frontmatter({
    title: 'A synthetic headline',
    standfirst: 'A synthetic standfirst.',
    section: 'news',
    authors: ['avery-fixture'],
    publishedAt: '2026-11-01T09:00:00+08:00',
    ...fields,
  }) + 'Synthetic body.\n';

let root: string;
let broken: BrokenArticle[];
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'broadsheet-broken-'));
  writeFiles(root, {
    ...newsDesk,
    'articles/fine-story.md': article({}),
    'articles/no-offset/index.md': article({ publishedAt: '2026-11-01T09:00:00' }),
    'articles/stranger.md': article({ authors: ['nobody-here'] }),
    'articles/renamed.md': article({ slug: 'other-slug', authors: ['nobody-here'], section: 'nowhere' }),
  });
  broken = brokenArticles(await lintContent(root, now));
});
// The linter's cache lives under node_modules/.astro/sites/, named for the folder: a new one every run.
afterAll(() => {
  for (const dir of [root, cacheDirFor(root)]) rmSync(dir, { recursive: true, force: true });
});
const file = (path: string) => relative(process.cwd(), join(root, 'articles', path));

describe('brokenArticles', () => {
  test('lists each article with errors once, by id and URL, and leaves a sound one out', () => {
    expect(broken.map(({ id, url }) => [id, url])).toEqual([
      ['no-offset', '/articles/no-offset/'],
      ['other-slug', '/articles/other-slug/'],
      ['stranger', '/articles/stranger/'],
    ]);
  });

  test('gives each problem with its file, line and the message an editor reads', () => {
    const [noOffset] = broken;
    expect(noOffset?.problems).toEqual([
      expect.objectContaining({
        file: file('no-offset/index.md'),
        line: 6,
        severity: 'error',
        message: expect.stringContaining('has no UTC offset: add one') as string,
      }),
    ]);
  });

  test('keeps every error of an article, in line order', () => {
    const renamed = broken.find((each) => each.id === 'other-slug');
    expect(renamed?.problems.map((problem) => problem.line)).toEqual([4, 5]);
    expect(renamed?.problems.every((problem) => problem.file === file('renamed.md'))).toBe(true);
  });
});
