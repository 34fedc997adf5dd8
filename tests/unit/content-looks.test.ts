import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cacheDirFor } from '../../src/lib/env.ts';
import { indexContent } from '../../src/lib/lint/content-index.ts';
import { lintContent } from '../../src/lib/lint/index.ts';

// Every file the content check reads, to tell which article files it read: Node's `fs`, whose
// named exports follow it (syncBuiltinESMExports), reads through a counter during each check.
const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
type PathOrFileDescriptor = Parameters<typeof fs.readFileSync>[0];
const realReadFileSync = fs.readFileSync;
const readPaths: string[] = [];

/**
 * The content check takes what it knows of an article file that looks as it did (inode, size and
 * times) without reading it (src/lib/lint/article-facts.ts, content-index.ts), and says what it
 * would say had it read every file.
 */
const now = new Date('2026-11-27T12:00:00+08:00');
const seed = 'articles/head-of-xiaomi-auto-charms-buyers/index.md';
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'broadsheet-content-looks-'));
  cpSync(resolve('tests/fixtures/seed-newsroom'), root, { recursive: true });
  for (const each of [1, 2, 3])
    writeFileSync(
      join(root, `articles/synthetic-${each}.md`),
      `---\ntitle: Synthetic story ${each}\nstandfirst: Synthetic.\nsection: business\nauthors: [ni-tao]\npublishedAt: "2026-01-0${each}T09:00:00+08:00"\n---\n\nA synthetic paragraph.\n`,
    );
});
afterEach(() => {
  for (const dir of [root, cacheDirFor(root)]) rmSync(dir, { recursive: true, force: true });
});

/** A check of the folder, with files trusted by their looks `settledBy` ms from now: what it said, and the article files it read. */
async function check(settledBy = 5000) {
  readPaths.length = 0;
  fs.readFileSync = ((path: PathOrFileDescriptor, options?: never) => {
    readPaths.push(String(path));
    return realReadFileSync(path, options);
  }) as typeof fs.readFileSync;
  syncBuiltinESMExports();
  let result;
  try {
    const index = await indexContent(root, now, process.cwd(), Date.now() + settledBy);
    result = await lintContent(root, now, process.cwd(), index);
  } finally {
    fs.readFileSync = realReadFileSync;
    syncBuiltinESMExports();
  }
  const read = readPaths
    .filter((path) => path.startsWith(join(root, 'articles')) && path.endsWith('.md'))
    .map((path) => path.slice(root.length + 1))
    .sort();
  return { result: { ...result, checkedFiles: 0 }, read, checked: result.checkedFiles };
}

describe('an article file that looks as it did', () => {
  test('is not read again, and the check says what it said', async () => {
    const first = await check();
    expect(first.read).toHaveLength(first.result.articles.length);
    expect(first.result.warnings).toBeGreaterThan(0);
    const second = await check();
    expect(second.read).toEqual([]);
    expect(second.checked).toBe(0);
    expect(second.result).toEqual(first.result);
  });

  test('edited, is read again and checked, and only it', async () => {
    await check();
    writeFileSync(
      join(root, 'articles/synthetic-2.md'),
      readFileSync(join(root, 'articles/synthetic-2.md'), 'utf8') + '\nThe the synthetic word twice.\n',
    );
    const second = await check();
    expect(second.read).toEqual(['articles/synthetic-2.md']);
    expect(
      second.result.diagnostics.filter((each) => each.rule === 'repeated-word').map((each) => each.file),
    ).toEqual([join(relative(process.cwd(), root), 'articles/synthetic-2.md')]);
  });

  test('rewritten at the same size with its old time put back, is read again (its change time gives it away)', async () => {
    await check();
    const path = join(root, 'articles/synthetic-3.md');
    const before = statSync(path);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('A synthetic paragraph.', 'A synthetic paragraph!'),
    );
    utimesSync(path, before.atime, before.mtime);
    expect(statSync(path).size).toBe(before.size);
    const second = await check();
    expect(second.read).toEqual(['articles/synthetic-3.md']);
  });

  test('changed too recently to trust its looks is read again at the next check', async () => {
    const every = (await check(0)).read;
    expect(every).toHaveLength(4);
    expect((await check()).read).toEqual(every);
    expect((await check()).read).toEqual([]);
  });

  test('that is now a draft, stops counting as published without being read by a rule', async () => {
    const first = await check();
    writeFileSync(
      join(root, seed),
      readFileSync(join(root, seed), 'utf8').replace('---\n', '---\ndraft: true\n'),
    );
    const second = await check();
    expect(second.read).toEqual([seed]);
    expect(second.result.published).toBe(first.result.published - 1);
    expect(second.result.drafts).toBe(first.result.drafts + 1);
  });
});
