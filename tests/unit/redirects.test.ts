import { load } from 'cheerio';
import { testPaper } from '../support/test-paper.ts';
import { describe, expect, test } from 'vitest';
import {
  fileOf,
  formatVanished,
  oldPath,
  planRedirects,
  redirectPage,
  redirectSources,
  redirectsFile,
  removedPage,
  vanishedUrls,
} from '../../src/lib/redirects.ts';
import { oldAddress } from '../../src/lib/schema/fields.ts';

const site = testPaper('Asia/Shanghai');
const removal = {
  path: '/articles/gone/',
  date: new Date('2026-02-01T10:00:00+08:00'),
  reason: 'Removed on legal advice & <for> a test.',
};

describe('oldPath and fileOf', () => {
  test.each([
    { address: 'old-slug', path: '/articles/old-slug/', file: 'articles/old-slug/index.html' },
    { address: '/2019/05/story', path: '/2019/05/story/', file: '2019/05/story/index.html' },
    { address: '/2019/05/story/', path: '/2019/05/story/', file: '2019/05/story/index.html' },
    { address: '/2019/story.html', path: '/2019/story.html', file: '2019/story.html' },
  ])('$address is the path $path, served from $file', ({ address, path, file }) => {
    expect(oldPath(address)).toBe(path);
    expect(fileOf(path)).toBe(file);
  });
});

describe('an old address as an editor writes it', () => {
  test.each(['old-slug', '/2019/05/story.html', '/old/path/', '/a_b/c~d'])('%s is accepted', (address) => {
    expect(oldAddress().safeParse(address).success).toBe(true);
  });
  test.each(['/', 'Old Slug', '/old/*', '/old/:id', '/old?page=2', '//old', 'https://x.example/old'])(
    '%s is refused with an example of each form',
    (address) => {
      const result = oldAddress().safeParse(address);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/old slug, e\.g\. "old-headline", or a path/);
    },
  );
});

describe('planRedirects', () => {
  test('sends each old address of a published article to its URL, and ignores unpublished ones', () => {
    expect(
      planRedirects([
        { id: 'new', published: true, redirectFrom: ['/articles/old/', '/2019/old.html'] },
        { id: 'held', published: false, redirectFrom: ['/articles/held-old/'] },
      ]),
    ).toEqual([
      { from: '/2019/old.html', to: '/articles/new/' },
      { from: '/articles/old/', to: '/articles/new/' },
    ]);
  });
});

describe('redirectsFile', () => {
  const file = redirectsFile(
    [
      { from: '/articles/old/', to: '/articles/new/' },
      { from: '/2019/old.html', to: '/articles/new/' },
    ],
    [removal],
  );
  const rules = file.split('\n').filter((line) => line && !line.startsWith('#'));

  test('has a forced 301 for Netlify then a plain one for Cloudflare Pages, for both forms of the path', () => {
    expect(rules).toEqual([
      '/articles/old/ /articles/new/ 301!',
      '/articles/old/ /articles/new/ 301',
      '/articles/old /articles/new/ 301!',
      '/articles/old /articles/new/ 301',
      '/2019/old.html /articles/new/ 301!',
      '/2019/old.html /articles/new/ 301',
      '/articles/gone/ /articles/gone/index.html 410!',
      '/articles/gone /articles/gone/index.html 410!',
    ]);
  });

  test('its sources are read back as the addresses the site answers for', () => {
    expect(new Set(redirectSources(file))).toEqual(
      new Set(['/articles/old/', '/articles/old', '/2019/old.html', '/articles/gone/', '/articles/gone']),
    );
  });
});

describe('the pages at old and removed addresses', () => {
  test('a redirect page refreshes at once to the new URL, names it as canonical, is noindex and has a link', () => {
    const $ = load(redirectPage({ from: '/articles/old/', to: '/articles/new/' }, site));
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/articles/new/');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://paper.example/articles/new/');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('a[href="/articles/new/"]').text()).toBe('https://paper.example/articles/new/');
    expect($('html').attr('lang')).toBe('en');
  });

  test('a removed page gives the reason, escaped, and the date in the site timezone, and is noindex', () => {
    const html = removedPage(removal, site);
    const $ = load(html);
    expect($('h1').text()).toBe('This story has been removed');
    expect($('main p').first().text()).toBe(removal.reason);
    expect(html).toContain('&amp; &lt;for&gt;');
    expect($('time').text()).toBe('1 February 2026');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('meta[http-equiv="refresh"]')).toHaveLength(0);
  });

  test('both pages wear the paper’s masthead and colours, light and dark', () => {
    for (const html of [removedPage(removal, site), redirectPage({ from: '/a/', to: '/b/' }, site)]) {
      const $ = load(html);
      expect($('header a[href="/"]').text()).toBe(site.name);
      const style = $('style').text();
      expect(style).toContain(`background:${site.palette.light.get('paper')}`);
      expect(style).toMatch(
        new RegExp(`prefers-color-scheme:dark\\).*background:${site.palette.dark.get('paper')}`),
      );
    }
  });
});

describe('vanishedUrls', () => {
  test('is what the previous site answered for and the new one does not, each address once', () => {
    expect(
      vanishedUrls(
        ['/articles/a/', '/articles/b/', '/articles/old/', '/articles/old', '/articles/kept/'],
        ['/articles/a/', '/articles/kept/', '/articles/kept'],
      ),
    ).toEqual(['/articles/b/', '/articles/old/']);
  });

  test('nothing has vanished when there was no previous site', () => {
    expect(vanishedUrls([], ['/articles/a/'])).toEqual([]);
  });

  test('the example fix is for an article address where there is one: its old slug', () => {
    const message = formatVanished(['/2019/old.html', '/articles/b/'], new Date(0), 'UTC');
    expect(message).toContain('redirectFrom: ["b"]');
    expect(message).toContain('- path: "/articles/b/"');
  });

  test('the message names each address and both fixes, with a takedown dated in the site timezone', () => {
    const message = formatVanished(
      ['/articles/b/', '/articles/old/'],
      new Date('2026-03-01T02:00:00Z'),
      'Asia/Shanghai',
    );
    expect(message).toContain('  /articles/b/\n  /articles/old/\n');
    expect(message).toContain('redirectFrom: ["b"]');
    expect(message).toContain('content/removed.yaml');
    expect(message).toContain('- path: "/articles/b/"');
    expect(message).toContain('date: "2026-03-01T10:00:00+08:00"');
  });
});
