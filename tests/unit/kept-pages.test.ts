import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { digest } from '../../src/lib/cache-keys.ts';
import {
  builtPages,
  builtPagesFile,
  keepUnchangedPages,
  previousBuild,
  recordedWithCode,
} from '../../src/lib/build-cache.ts';
import { surveyFolder } from '../../src/lib/links.ts';
import {
  isUnchanged,
  readBuiltPages,
  sitePages,
  unchangedPages,
  writeBuiltPages,
} from '../../src/lib/site-pages.ts';
import type { BuiltPages } from '../../src/lib/site-pages.ts';

/**
 * Pages that did not change are not rendered again (docs/architecture.md, "Scale: pages that did
 * not change"): the build links them from the output it replaces, with their images, by the record
 * beside that output.
 */

function folder(files: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kept-pages-')), 'dist');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const page = (path: string, year: number | undefined, cacheKey: string, searchKey?: string) => ({
  path,
  year,
  cacheKey,
  searchKey,
});

/** A built output: two articles of 2019 and 2020, a tag page, the front page, and their images. */
const output = () =>
  folder({
    'articles/a/index.html': 'a <img src="/_astro/a.webp" srcset="/_astro/a.avif 1x">',
    'articles/b/index.html': 'b <img src="/_astro/b.webp">',
    'tags/x/index.html': 'x <img src="/_astro/a.webp">',
    'index.html': 'front <img src="/_astro/front.webp">',
    '_astro/a.webp': 'A',
    '_astro/a.avif': 'A2',
    '_astro/b.webp': 'B',
    '_astro/front.webp': 'F',
  });
const site = sitePages([
  page('/articles/a/', 2019, 'a1', 'search a'),
  page('/articles/b/', 2020, 'b1', 'search b'),
  page('/tags/x/', 2020, 'x1'),
  page('/', undefined, ''),
]);

/** A record with its pages' images by name, as the pages name them. */
const named = (record: BuiltPages) => ({
  code: record.code,
  pages: Object.fromEntries(
    Object.entries(record.pages).map(([path, built]) => [
      path,
      { ...built, assets: built.assets.map((asset) => record.files[asset]) },
    ]),
  ),
});

describe('the record of a built output', () => {
  test('holds each keyed page’s key, the images it names and, for an article, the key of what search reads with the code; not the front page, which is always rendered', () => {
    const dir = output();
    const record = builtPages(dir, 'code 1', site, undefined);
    // Each image once, however many pages name it.
    expect(record.files.toSorted()).toEqual(['a.avif', 'a.webp', 'b.webp']);
    expect(named(record)).toEqual({
      code: 'code 1',
      pages: {
        '/articles/a/': { key: 'a1', assets: ['a.avif', 'a.webp'], search: digest('code 1', 'search a') },
        '/articles/b/': { key: 'b1', assets: ['b.webp'], search: digest('code 1', 'search b') },
        '/tags/x/': { key: 'x1', assets: ['a.webp'] },
      },
    });
  });

  test('gives a page that shows other neighbours (a new key, the same search key) the same search key, but not with other code', () => {
    const dir = output();
    const before = named(builtPages(dir, 'code 1', site, undefined)).pages['/articles/a/']!;
    const moved = sitePages([page('/articles/a/', 2019, 'a2', 'search a')]);
    expect(named(builtPages(dir, 'code 1', moved, undefined)).pages['/articles/a/']).toEqual({
      ...before,
      key: 'a2',
    });
    expect(builtPages(dir, 'code 2', moved, undefined).pages['/articles/a/']?.search).not.toBe(before.search);
  });

  test('takes what it holds of a page whose key and code are unchanged from the last record, without reading it', () => {
    const dir = output();
    const before = builtPages(dir, 'code 1', site, undefined);
    rmSync(join(dir, 'articles/a/index.html'));
    // Numbered anew: without /articles/b/, b.webp is no longer in the table.
    const now = sitePages([page('/articles/a/', 2019, 'a1', 'search a'), page('/tags/x/', 2020, 'x1')]);
    const after = builtPages(dir, 'code 1', now, before);
    expect(named(after).pages).toEqual({
      '/articles/a/': named(before).pages['/articles/a/'],
      '/tags/x/': named(before).pages['/tags/x/'],
    });
    expect(after.files.toSorted()).toEqual(['a.avif', 'a.webp']);
    // Another code, or another key, and the page is read again (here: it is gone).
    expect(() => builtPages(dir, 'code 2', site, before)).toThrow(/articles\/a\/index\.html/);
  });

  test('is trusted only for the same code and while every page and image it names is there', () => {
    const dir = output();
    writeBuiltPages(builtPagesFile(dir), builtPages(dir, 'code 1', site, undefined));
    expect(builtPagesFile(dir)).toMatch(/dist\.pages\.json$/);
    expect(previousBuild(dir, 'code 1')?.pages['/articles/b/']?.key).toBe('b1');
    expect(previousBuild(dir, 'code 2')).toBeUndefined();
    rmSync(join(dir, '_astro/a.avif'));
    expect(previousBuild(dir, 'code 1')).toBeUndefined();
    expect(previousBuild(folder({}), 'code 1')).toBeUndefined();
  });

  test('names each image once in its file, the pages by number, and reads back as it was written', () => {
    const dir = output();
    const record = builtPages(dir, 'code 1', site, undefined);
    writeBuiltPages(builtPagesFile(dir), record);
    const text = readFileSync(builtPagesFile(dir), 'utf8');
    // a.webp is named by two pages: at 100,000 articles, 1.36 million names of 69 images made 48 of
    // the record's 66 MB.
    expect(text.match(/a\.webp/g)).toHaveLength(1);
    expect(readBuiltPages(builtPagesFile(dir))).toEqual(record);
    // One written by an earlier version, with the names in each page, is no record: the code changed.
    writeFileSync(builtPagesFile(dir), JSON.stringify(named(record)));
    expect(readBuiltPages(builtPagesFile(dir))).toBeUndefined();
    expect(previousBuild(dir, 'code 1')).toBeUndefined();
  });

  test('says by its first bytes alone whether a build of this code wrote it, which Astro is told at its start', () => {
    const dir = output();
    expect(recordedWithCode(dir, 'code 1')).toBe(false);
    writeBuiltPages(builtPagesFile(dir), builtPages(dir, 'code 1', site, undefined));
    expect(recordedWithCode(dir, 'code 1')).toBe(true);
    expect(recordedWithCode(dir, 'code 12')).toBe(false);
    expect(recordedWithCode(dir, 'code')).toBe(false);
    // Pages gone from the output are previousBuild's to find, beside Astro's start.
    rmSync(join(dir, '_astro/a.avif'));
    expect(recordedWithCode(dir, 'code 1')).toBe(true);
    writeFileSync(builtPagesFile(dir), '');
    expect(recordedWithCode(dir, 'code 1')).toBe(false);
  });
});

describe('pages kept from the last build', () => {
  const built: BuiltPages = {
    code: 'code 1',
    files: ['a.avif', 'a.webp', 'b.webp'],
    pages: {
      '/articles/a/': { key: 'a1', assets: [0, 1], search: 'a' },
      '/articles/b/': { key: 'b1', assets: [2], search: 'b' },
      '/tags/x/': { key: 'x1', assets: [1] },
    },
  };

  test('a page is unchanged only with the key it was built with', () => {
    expect(isUnchanged({ path: '/articles/a/', cacheKey: 'a1' }, built)).toBe(true);
    expect(isUnchanged({ path: '/articles/a/', cacheKey: 'a2' }, built)).toBe(false);
    expect(isUnchanged({ path: '/articles/new/', cacheKey: 'n1' }, built)).toBe(false);
    expect(isUnchanged({ path: '/articles/a/', cacheKey: 'a1' }, undefined)).toBe(false);
  });

  test('are those of the partition whose key is unchanged', () => {
    const now = sitePages([
      page('/articles/a/', 2019, 'a1'),
      page('/articles/b/', 2020, 'b2'),
      page('/tags/x/', 2020, 'x1'),
      page('/articles/new/', 2020, 'n1'),
      page('/', undefined, ''),
    ]);
    expect(unchangedPages(now, built, {}).map(({ path }) => path)).toEqual(['/articles/a/', '/tags/x/']);
    expect(unchangedPages(now, built, { to: 2019 }).map(({ path }) => path)).toEqual(['/articles/a/']);
  });

  test('are linked with the images they name, beside the pages Astro rendered, which stay as rendered', () => {
    const previous = output();
    const into = folder({ 'articles/b/index.html': 'b, edited', 'tags/x/index.html': 'x, rendered' });
    const now = sitePages([
      page('/articles/a/', 2019, 'a1'),
      page('/articles/b/', 2020, 'b2'),
      page('/tags/x/', 2020, 'x1'),
    ]);
    expect(keepUnchangedPages(previous, into, built, now, {})).toEqual(['articles/a/index.html']);
    const a = join(into, 'articles/a/index.html');
    expect(statSync(a).ino).toBe(statSync(join(previous, 'articles/a/index.html')).ino);
    expect(readFileSync(join(into, '_astro/a.avif'), 'utf8')).toBe('A2');
    expect(readFileSync(join(into, 'tags/x/index.html'), 'utf8')).toBe('x, rendered');
    expect(readFileSync(join(into, 'articles/b/index.html'), 'utf8')).toBe('b, edited');
    // The changed page's old image is not carried over: the page Astro rendered names its own.
    expect(existsSync(join(into, '_astro/b.webp'))).toBe(false);
  });

  test('a listing’s feed, a file of its own in the record, is recorded, kept and linked as that file, with the images it names', () => {
    const previous = folder({
      'tags/x/rss.xml': '<rss>&lt;img src=&quot;https://broadsheet.example/_astro/a.webp&quot;&gt;</rss>',
      '_astro/a.webp': 'A',
    });
    const now = sitePages([page('/tags/x/rss.xml', undefined, 'f1')]);
    const record = builtPages(previous, 'code 1', now, undefined);
    expect(named(record).pages).toEqual({ '/tags/x/rss.xml': { key: 'f1', assets: ['a.webp'] } });
    const into = folder({});
    expect(keepUnchangedPages(previous, into, record, now, {})).toEqual(['tags/x/rss.xml']);
    expect(statSync(join(into, 'tags/x/rss.xml')).ino).toBe(statSync(join(previous, 'tags/x/rss.xml')).ino);
    expect(readFileSync(join(into, '_astro/a.webp'), 'utf8')).toBe('A');
    // The feed of an older partition's build is the newest's to render.
    expect(unchangedPages(now, record, { to: 2019 })).toEqual([]);
  });

  /** Every file under `dir` and its text, by path: what a reader of the output gets. */
  const tree = (dir: string): Record<string, string> => {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    return Object.fromEntries(files.map((file) => [file.slice(dir.length + 1), readFileSync(file, 'utf8')]));
  };

  test('are assembled in the output the last build replaced, which then holds exactly what an empty folder would', () => {
    const previous = output();
    const published = tree(previous);
    // The output replaced last time: one page still a link of the published one, a stale image, a
    // page and a search shard since gone, old versions of the pages Astro rendered now.
    const replaced = folder({
      '_astro/a.webp': 'A, as it was',
      '_astro/b.webp': 'B, as it was',
      'articles/b/index.html': 'b, as it was',
      'tags/x/index.html': 'x, as it was',
      'articles/gone/index.html': 'gone',
      'pagefind/s0/fragment/one.pf_fragment': 'search',
    });
    mkdirSync(join(replaced, 'articles/a'), { recursive: true });
    linkSync(join(previous, 'articles/a/index.html'), join(replaced, 'articles/a/index.html'));
    const rendered = { 'articles/b/index.html': 'b, edited', 'tags/x/index.html': 'x, rendered' };
    const now = sitePages([
      page('/articles/a/', 2019, 'a1'),
      page('/articles/b/', 2020, 'b2'),
      page('/tags/x/', 2020, 'x1'),
    ]);

    const fresh = folder(rendered);
    expect(keepUnchangedPages(previous, fresh, built, now, {})).toEqual(['articles/a/index.html']);
    const into = folder(rendered);
    const surveyed = surveyFolder(replaced);
    expect(keepUnchangedPages(previous, into, built, now, {}, { folder: replaced, surveyed })).toEqual([
      'articles/a/index.html',
    ]);

    // The search index is left to buildSearchIndex, which assembles it in the same way.
    const { 'pagefind/s0/fragment/one.pf_fragment': search, ...pages } = tree(into);
    expect(search).toBe('search');
    expect(pages).toEqual(tree(fresh));
    expect(readdirSync(into).sort()).toEqual(['_astro', 'articles', 'pagefind', 'tags']);
    expect(readdirSync(join(into, 'articles')).sort()).toEqual(['a', 'b']);
    expect(existsSync(replaced)).toBe(false);
    for (const file of ['articles/a/index.html', '_astro/a.webp', '_astro/a.avif']) {
      expect(statSync(join(into, file)).ino).toBe(statSync(join(previous, file)).ino);
    }
    // Nothing was written into a file the published output shares.
    expect(tree(previous)).toEqual(published);
  });
});
