import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testPaper } from '../support/test-paper.ts';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  addressesFile,
  previousAddresses,
  recordAddresses,
  siteAddresses,
  writeRedirects,
} from '../../src/lib/redirect-output.ts';

/** The build's side of the redirects, on a small output folder written for each test. */
const site = testPaper('UTC');
const removal = { path: '/articles/gone/', date: new Date('2026-02-01T10:00:00Z'), reason: 'Removed.' };
let dir = '';

const put = (path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-redirects-'));
  put('business/index.html', '<p>a section front</p>');
  put(
    'sitemap-0.xml',
    '<urlset><url><loc>https://paper.example/articles/new/</loc></url><url><loc>https://paper.example/business/</loc></url></urlset>',
  );
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('writeRedirects', () => {
  test('writes a page at each old and removed address, and _redirects after the site’s own rules', () => {
    put('_redirects', '/feed /rss.xml 301');
    writeRedirects(dir, [{ from: '/articles/old/', to: '/articles/new/' }], [removal], site);
    expect(readFileSync(join(dir, 'articles/old/index.html'), 'utf8')).toContain('url=/articles/new/');
    expect(readFileSync(join(dir, 'articles/gone/index.html'), 'utf8')).toContain('Removed.');
    const rules = readFileSync(join(dir, '_redirects'), 'utf8').split('\n');
    expect(rules[0]).toBe('/feed /rss.xml 301');
    expect(rules).toContain('/articles/old/ /articles/new/ 301');
  });

  test.each([
    {
      redirects: [{ from: '/business/', to: '/articles/new/' }],
      removals: [],
      why: /an old address of \/articles\/new\//,
    },
    {
      redirects: [],
      removals: [{ ...removal, path: '/business/' }],
      why: /listed in content\/removed\.yaml/,
    },
  ])('refuses an address where the site has a page, and writes nothing', ({ redirects, removals, why }) => {
    expect(() => {
      writeRedirects(dir, redirects, removals, site);
    }).toThrow(why);
    expect(readFileSync(join(dir, 'business/index.html'), 'utf8')).toBe('<p>a section front</p>');
    expect(() => readFileSync(join(dir, '_redirects'))).toThrow();
  });
});

describe('siteAddresses', () => {
  test('are the article URLs of the sitemaps and the sources of _redirects, as paths', () => {
    writeRedirects(dir, [{ from: '/2019/old.html', to: '/articles/new/' }], [removal], site);
    expect(new Set(siteAddresses(dir))).toEqual(
      new Set(['/articles/new/', '/2019/old.html', '/articles/gone/', '/articles/gone']),
    );
  });

  test('are none for an output folder not built yet', () => {
    expect(siteAddresses(join(dir, 'never-built'))).toEqual([]);
  });
});

describe('the record of the addresses beside the output', () => {
  test('is what the output answers for, and is read back with it even when the output is gone', () => {
    const out = join(dir, 'dist');
    mkdirSync(out);
    put('dist/sitemap-0.xml', '<urlset><url><loc>https://paper.example/articles/new/</loc></url></urlset>');
    writeRedirects(out, [{ from: '/articles/old/', to: '/articles/new/' }], [], site);
    recordAddresses(out);
    expect(JSON.parse(readFileSync(addressesFile(out), 'utf8'))).toEqual([
      '/articles/new/',
      '/articles/old',
      '/articles/old/',
    ]);
    rmSync(out, { recursive: true });
    expect(new Set(previousAddresses(out))).toEqual(
      new Set(['/articles/new/', '/articles/old', '/articles/old/']),
    );
  });

  test('is beside the output, never in it', () => {
    expect(addressesFile('/site/dist')).toBe('/site/dist.addresses.json');
  });
});
