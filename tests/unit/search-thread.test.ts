import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { close } from 'pagefind';
import { afterAll, expect, test } from 'vitest';
import { filesIn } from '../../src/lib/links.ts';
import { writeBundle } from '../../src/lib/search-bundle.ts';
import { searchThread } from '../../src/lib/search-thread.ts';

/**
 * The second shard indexed at a time is written by a Pagefind of its own, on a thread
 * (search-thread.ts): the bundle it writes must be the one this thread's Pagefind writes.
 */

afterAll(async () => {
  await close();
});

const html = (n: number) =>
  `<!DOCTYPE html><html lang="en"><head><title>Story ${n}</title></head><body><main data-pagefind-body><h1>Synthetic story ${n}</h1><p>Generated words ${n} for the test: harbour, council, ferry.</p></main></body></html>`;

function pagesFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'search-thread-'));
  for (let n = 0; n < 5; n++) {
    mkdirSync(join(root, 'pages', 'articles', `story-${n}`), { recursive: true });
    writeFileSync(join(root, 'pages', 'articles', `story-${n}`, 'index.html'), html(n));
  }
  return root;
}

const contents = (folder: string) =>
  Object.fromEntries(
    filesIn(folder).map((file) => [file, readFileSync(join(folder, file)).toString('base64')]),
  );

test('a bundle written on the thread is the bundle written here', async () => {
  const root = pagesFolder();
  await writeBundle(join(root, 'here'), join(root, 'pages'));
  const thread = searchThread();
  try {
    await thread.bundle(join(root, 'there'), join(root, 'pages'));
    await thread.bundle(join(root, 'empty'));
  } finally {
    await thread.close();
  }
  const here = contents(join(root, 'here'));
  expect(Object.keys(here).some((file) => file.startsWith('fragment/'))).toBe(true);
  expect(contents(join(root, 'there'))).toEqual(here);
  expect(filesIn(join(root, 'empty'))).toContain('pagefind.js');
});
