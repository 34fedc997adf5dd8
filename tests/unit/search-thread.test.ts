import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { close } from 'pagefind';
import { afterAll, expect, test } from 'vitest';
import { filesIn } from '../../src/lib/links.ts';
import { indexShardFromSite } from '../../src/lib/search-bundle.ts';
import { searchThread } from '../../src/lib/search-thread.ts';

/**
 * The second shard indexed at a time is indexed on a thread, with a Pagefind of its own
 * (search-thread.ts): its pages linked there and its bundle written there must be those this
 * thread links and writes.
 */

afterAll(async () => {
  await close();
});

const html = (n: number) =>
  `<!DOCTYPE html><html lang="en"><head><title>Story ${n}</title></head><body><main data-pagefind-body><h1>Synthetic story ${n}</h1><p>Generated words ${n} for the test: harbour, council, ferry.</p></main></body></html>`;

const pages = [0, 1, 2, 3, 4].map((n) => `articles/story-${n}/index.html`);

/** A built site of five synthetic article pages, under a folder of its own. */
function builtSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'search-thread-'));
  for (const [n, page] of pages.entries()) {
    mkdirSync(join(root, 'site', page, '..'), { recursive: true });
    writeFileSync(join(root, 'site', page), html(n));
  }
  return root;
}

const contents = (folder: string) =>
  Object.fromEntries(
    filesIn(folder).map((file) => [file, readFileSync(join(folder, file)).toString('base64')]),
  );

test('a shard indexed on the thread is the shard indexed here, from the same linked pages', async () => {
  const root = builtSite();
  const site = join(root, 'site');
  await indexShardFromSite({ site, folder: join(root, 'here-pages'), pages, output: join(root, 'here') });
  const thread = searchThread();
  try {
    await thread.index({ site, folder: join(root, 'there-pages'), pages, output: join(root, 'there') });
  } finally {
    await thread.close();
  }
  const here = contents(join(root, 'here'));
  expect(Object.keys(here).some((file) => file.startsWith('fragment/'))).toBe(true);
  expect(contents(join(root, 'there'))).toEqual(here);
  expect(filesIn(join(root, 'there-pages')).sort()).toEqual([...pages].sort());
});
