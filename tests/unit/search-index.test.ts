import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { close } from 'pagefind';
import { expect, test } from 'vitest';
import { filesIn } from '../../src/lib/links.ts';
import { buildSearchIndex, indexWhileWritten, setAsideSearchFolder } from '../../src/lib/search-index.ts';
import type { EarlyIndex } from '../../src/lib/search-index.ts';
import { shardOf } from '../../src/lib/search-shards.ts';
import type { SearchPage } from '../../src/lib/search-shards.ts';

/**
 * The search index's shards are indexed while Astro still writes the site (`indexWhileWritten`),
 * each once its pages are written in full; the index must be the one written after the last page.
 */

/** Six synthetic article pages over three months: two archive shards and the newest month's. */
const months = ['2031-01', '2031-01', '2031-02', '2031-02', '2031-03', '2031-03'];
const pages = new Map<string, SearchPage>(
  months.map((month, n) => [`articles/story-${n}/index.html`, { digest: `digest-${n}`, month }]),
);
const html = (n: number) =>
  `<!DOCTYPE html><html lang="en"><head><title>Story ${n}</title></head><body><main data-pagefind-body><h1>Synthetic story ${n}</h1><p>Generated words ${n} for the test: harbour, council, ferry.</p></main></body></html>`;

/** A new site folder beside a published one (empty: a first build), under a folder of its own. */
function sites(): { site: string; previous: string } {
  const root = mkdtempSync(join(tmpdir(), 'search-index-'));
  mkdirSync(join(root, 'dist'));
  return { site: join(root, 'staging'), previous: join(root, 'dist') };
}

function write(site: string, page: string, text: string): void {
  mkdirSync(join(site, page, '..'), { recursive: true });
  writeFileSync(join(site, page), text);
}

/** Writes every page into `site`, each with the text `text` gives it. */
function writePages(site: string, text: (page: string, n: number) => string = (_, n) => html(n)): void {
  for (const [n, page] of [...pages.keys()].entries()) write(site, page, text(page, n));
}

function contents(folder: string): Record<string, string> {
  return Object.fromEntries(
    filesIn(folder).map((file) => [file, readFileSync(join(folder, file)).toString('base64')]),
  );
}

const articlePages = [...pages.keys()].sort();

test('shards indexed while the pages are written give the index written after the last page', async () => {
  const after = sites();
  writePages(after.site);
  await buildSearchIndex(after.site, after.previous, { articlePages, known: pages });

  const during = sites();
  const early = indexWhileWritten(during.site, during.previous, pages, () => true);
  writePages(during.site);
  early.poll();
  let taken: string[] = [];
  const watched: EarlyIndex = {
    ...early,
    close: () => {
      const started = early.close();
      taken = [...started.keys()];
      return started;
    },
  };
  const result = await buildSearchIndex(during.site, during.previous, {
    articlePages,
    known: pages,
    early: watched,
  });

  expect(taken).toHaveLength(1);
  expect(result.indexed).toContain(taken[0]);
  expect(result.indexed.length).toBeGreaterThan(1);
  expect(contents(join(during.site, 'pagefind'))).toEqual(contents(join(after.site, 'pagefind')));
});

test('shards indexed two at a time, the second by a Pagefind on a thread, give the index written one at a time', async () => {
  const one = sites();
  writePages(one.site);
  const alone = await buildSearchIndex(one.site, one.previous, { articlePages, known: pages, jobs: 1 });
  const two = sites();
  writePages(two.site);
  const together = await buildSearchIndex(two.site, two.previous, { articlePages, known: pages, jobs: 2 });

  expect(together.indexed).toEqual(alone.indexed);
  expect(together.indexed.length).toBeGreaterThan(1);
  expect(contents(join(two.site, 'pagefind'))).toEqual(contents(join(one.site, 'pagefind')));
});

test('a shard waits for every page of it to be written in full', async () => {
  const { site, previous } = sites();
  const early = indexWhileWritten(site, previous, pages, () => true);
  early.poll();
  expect(early.close().size).toBe(0);

  // Every page whole but one of the shard that would be indexed first, cut short as Astro leaves a
  // page it is still writing: another shard is indexed first.
  const shards = new Map([...pages].map(([page, { month }]) => [page, shardOf(page, month, '2031-03')]));
  const first = [...shards.values()].sort()[0];
  const cut = [...shards].find(([, shard]) => shard === first)![0];
  writePages(site, (page, n) => (page === cut ? html(n).slice(0, -7) : html(n)));
  const again = indexWhileWritten(site, previous, pages, () => true);
  again.poll();
  const started = again.close();
  try {
    expect(started.size).toBe(1);
    expect([...started.keys()][0]).not.toBe(first);
    await Promise.all([...started.values()].map(({ bundle }) => bundle));
  } finally {
    again.discard();
    await close();
  }
});

test('a page the build does not render is read from the published site, and waited for if it is not there', () => {
  const { site, previous } = sites();
  writePages(site);
  // The build renders none of them: every page must come from the published site, which has none.
  const early = indexWhileWritten(site, previous, pages, () => false);
  early.poll();
  expect(early.close().size).toBe(0);
});

test('a shard indexed again leaves the index it was in whole, set aside for the next build to delete', async () => {
  const { site: published, previous: empty } = sites();
  writePages(published);
  await buildSearchIndex(published, empty, { articlePages, known: pages });

  // The next build assembles its site in the output replaced last time, which holds that index, and
  // one page changed: its shard is indexed again, the others are linked from the published site.
  const root = mkdtempSync(join(tmpdir(), 'search-index-'));
  const site = join(root, 'staging');
  const changed = articlePages[0]!;
  writePages(site, (page, n) => (page === changed ? html(n).replace('harbour', 'lighthouse') : html(n)));
  cpSync(join(published, 'pagefind'), join(site, 'pagefind'), { recursive: true });
  const known = new Map(
    [...pages].map(([page, facts]) => [page, page === changed ? { ...facts, digest: 'edited' } : facts]),
  );
  const result = await buildSearchIndex(site, published, { articlePages, known });

  const fresh = sites();
  writePages(fresh.site, (page, n) =>
    page === changed ? html(n).replace('harbour', 'lighthouse') : html(n),
  );
  await buildSearchIndex(fresh.site, fresh.previous, { articlePages, known });
  expect(result.indexed).toHaveLength(1);
  expect(contents(join(site, 'pagefind'))).toEqual(contents(join(fresh.site, 'pagefind')));
  const [aside] = readdirSync(setAsideSearchFolder(published));
  expect(readdirSync(join(setAsideSearchFolder(published), aside!))).toEqual(result.indexed);
});

test('a kept shard the site holds as the build before last left it is set aside whole too', async () => {
  const root = mkdtempSync(join(tmpdir(), 'search-index-'));
  const [first, second] = [articlePages[0]!, articlePages[2]!];
  const edited = (...changed: string[]) => ({
    text: (page: string, n: number) =>
      changed.includes(page) ? html(n).replace('harbour', 'lighthouse') : html(n),
    known: new Map(
      [...pages].map(([page, facts]) => [
        page,
        changed.includes(page) ? { ...facts, digest: `edited ${page}` } : facts,
      ]),
    ),
  });
  // Published before last: every page as written. Published last: the first page edited, its shard
  // indexed again, the others linked.
  const beforeLast = join(root, 'before-last');
  writePages(beforeLast);
  await buildSearchIndex(beforeLast, join(root, 'none'), { articlePages, known: pages });
  const last = join(root, 'last');
  writePages(last, edited(first).text);
  await buildSearchIndex(last, beforeLast, { articlePages, known: edited(first).known });

  // This build assembles its site where the one before last was, its index as that left it, and
  // edits a page of another shard: the first page's shard is kept, but not as the site holds it.
  rmSync(join(beforeLast, 'articles'), { recursive: true });
  writePages(beforeLast, edited(first, second).text);
  const result = await buildSearchIndex(beforeLast, last, {
    articlePages,
    known: edited(first, second).known,
  });

  const fresh = sites();
  writePages(fresh.site, edited(first, second).text);
  await buildSearchIndex(fresh.site, fresh.previous, { articlePages, known: edited(first, second).known });
  expect(contents(join(beforeLast, 'pagefind'))).toEqual(contents(join(fresh.site, 'pagefind')));
  const [aside] = readdirSync(setAsideSearchFolder(last));
  const keptButStale = shardOf(first, pages.get(first)!.month, '2031-03');
  expect(result.indexed).toEqual([shardOf(second, pages.get(second)!.month, '2031-03')]);
  expect(readdirSync(join(setAsideSearchFolder(last), aside!)).sort()).toEqual(
    [keptButStale, ...result.indexed].sort(),
  );
});
