import { load } from 'cheerio';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { addressesFile, siteAddresses } from '../../src/lib/redirect-output.ts';
import { filesIn, readDecompressed, readText, searchIndexRecords } from '../support/dist.ts';
import { renameSite } from '../support/sites.ts';
import { legacyPath, removalReason, renameIds } from '../support/special-sites.ts';

/**
 * No published URL ever breaks (issue 13): the rename site deployed before and after an editor gave
 * one story a new address (keeping the old one in `redirectFrom:`) and took another down
 * (content/removed.yaml), then once more with the old addresses forgotten.
 */

// The output as the `after` deploy left it (the output folder itself is deleted by the last build).
const { after: dist, kept } = renameSite;
const oldUrl = `/articles/${renameIds.moved}/`;
const newUrl = `/articles/${renameIds.renamed}/`;
const removedUrl = `/articles/${renameIds.removed}/`;
const page = (path: string) => load(readText(dist, path));

describe('a story given a new address', () => {
  test.each([
    { from: oldUrl, file: `articles/${renameIds.moved}/index.html` },
    { from: legacyPath, file: legacyPath.slice(1) },
  ])('its old address $from has a page that sends the reader on and names the new URL', ({ file }) => {
    const $ = page(file);
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${newUrl}`);
    expect($('link[rel="canonical"]').attr('href')).toBe(`https://broadsheet.example${newUrl}`);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($(`a[href="${newUrl}"]`)).toHaveLength(1);
  });

  test('is published at its new address', () => {
    expect(page(`articles/${renameIds.renamed}/index.html`)('h1').text()).toContain(
      'A synthetic story that moves',
    );
  });

  test('_redirects sends both forms of each old address on with a 301', () => {
    const rules = readText(dist, '_redirects').split('\n');
    for (const from of [oldUrl, oldUrl.slice(0, -1), legacyPath]) {
      expect(rules).toContain(`${from} ${newUrl} 301`);
      expect(rules).toContain(`${from} ${newUrl} 301!`);
    }
  });
});

describe('a story taken down', () => {
  test('its address has a short page with the reason and the date, kept out of search engines', () => {
    const $ = page(`articles/${renameIds.removed}/index.html`);
    expect($('h1').text()).toBe('This story has been removed');
    expect($('main').text()).toContain(removalReason);
    expect($('time').attr('datetime')).toBe('2026-01-10T01:00:00.000Z');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
  });

  test('_redirects answers for it with a 410 (on hosts that allow it)', () => {
    const rules = readText(dist, '_redirects').split('\n');
    expect(rules).toContain(`${removedUrl} /articles/${renameIds.removed}/index.html 410!`);
  });

  test('it is gone from every listing, feed, sitemap and the search index', () => {
    const mentions = filesIn(dist)
      .filter((file) => file !== '_redirects' && !file.startsWith('pagefind/'))
      .filter((file) => readDecompressed(dist, file).toString('utf8').includes(renameIds.removed));
    expect(mentions).toEqual([]);
    const urls = searchIndexRecords(dist).map((record) => record.url);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => url.includes(renameIds.removed) || url.includes(renameIds.moved))).toEqual(
      [],
    );
  });

  test('no page of the site still links to an old address', () => {
    const pages = filesIn(dist).filter((file) => file.endsWith('.html'));
    const linking = pages.filter((file) => {
      const $ = page(file);
      return $(`a[href="${oldUrl}"], a[href="${removedUrl}"]`).length > 0;
    });
    expect(linking).toEqual([]);
  });
});

describe('a deploy that would lose an address the previous site had', () => {
  type Refusal = { status: number; output: string };
  const refused = () =>
    JSON.parse(readFileSync(renameSite.refused, 'utf8')) as Record<'withOutput' | 'withRecordOnly', Refusal>;

  test.each(['withOutput', 'withRecordOnly'] as const)(
    'is refused (%s), naming each lost address and both ways to keep it',
    (which) => {
      const { status, output } = refused()[which];
      expect(status, output).not.toBe(0);
      expect(output).toContain(`  ${oldUrl}\n`);
      expect(output).toContain(`  ${legacyPath}\n`);
      expect(output).not.toContain(`  ${removedUrl}\n`);
      expect(output).toContain(`redirectFrom: ["${renameIds.moved}"]`);
      expect(output).toContain('content/removed.yaml');
      expect(output).toContain('Nothing was published');
    },
  );

  test('leaves the output exactly as the deploy before left it', () => {
    const files = filesIn(dist);
    expect(filesIn(kept)).toEqual(files);
    for (const file of files)
      expect(readFileSync(join(kept, file)), file).toEqual(readFileSync(join(dist, file)));
  });

  test('the record of the addresses beside the output is what the deploy before answered for', () => {
    const record = JSON.parse(readFileSync(addressesFile(renameSite.dist), 'utf8')) as string[];
    expect(record).toEqual([...new Set(siteAddresses(dist))].sort());
    expect(record).toEqual(expect.arrayContaining([oldUrl, newUrl, legacyPath, removedUrl]));
  });
});
