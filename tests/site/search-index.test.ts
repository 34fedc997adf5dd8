import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { filesIn, page, readText, searchIndexRecords, searchIndexUrls } from '../support/dist.ts';
import { fixtureIds } from '../support/fixture-site.ts';
import { fixtureSite, gatingSites, seedSite } from '../support/sites.ts';

/** The URL of every article page a site published. */
function articleUrls(dist: string): string[] {
  return filesIn(join(dist, 'articles'))
    .filter((file) => file.endsWith('index.html'))
    .map((file) => `/articles/${dirname(file)}/`);
}

describe.each([
  ['the fixture newsroom', fixtureSite.dist],
  ['the frozen seed newsroom', seedSite.dist],
  ['the gating site before its embargo', gatingSites.before.dist],
  ['the gating site after its embargo', gatingSites.after.dist],
])('the search index of %s', (_, dist) => {
  test('holds every published article page exactly once, and nothing else', () => {
    const urls = searchIndexUrls(dist);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.sort()).toEqual(articleUrls(dist).sort());
  });

  test('lists shards that are each a whole Pagefind bundle, and serves the interface once', () => {
    const { bundles } = JSON.parse(readText(dist, 'pagefind/shards.json')) as { bundles: string[] };
    for (const bundle of bundles) {
      for (const file of ['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind'])
        expect(existsSync(join(dist, bundle, file)), `${bundle}${file}`).toBe(true);
    }
    expect(existsSync(join(dist, 'pagefind/pagefind-ui.js'))).toBe(true);
  });
});

test('the fixture newsroom is split into several shards (so the search page merges them)', () => {
  const { bundles } = JSON.parse(readText(fixtureSite.dist, 'pagefind/shards.json')) as { bundles: string[] };
  expect(bundles.length).toBeGreaterThan(2);
});

test('an embargoed article enters the search index when its embargo lifts, not before', () => {
  const url = `/articles/${fixtureIds.embargoed}/`;
  expect(searchIndexUrls(gatingSites.before.dist)).not.toContain(url);
  expect(searchIndexUrls(gatingSites.after.dist)).toContain(url);
});

test('an article is indexed from its headline on, without the section kicker, and keeps its filters', () => {
  const url = `/articles/${fixtureIds.complete}/`;
  const record = searchIndexRecords(fixtureSite.dist).find((each) => each.url === url)!;
  const $ = page(fixtureSite.dist, url);
  const headline = $('h1').text();
  // Excerpts are cut from this text: it starts with what a reader reads first, not with navigation.
  expect(record.content.startsWith(headline)).toBe(true);
  expect(record.content).toContain($('.standfirst').text());
  expect(record.content).not.toContain($('.byline time').text());
  const sections = $('.section-path a')
    .toArray()
    .map((link) => $(link).text());
  expect(sections.length).toBeGreaterThan(0);
  expect(record.filters['section']).toEqual(sections);
  expect(record.filters['author']).toEqual(
    $('.byline .authors a')
      .toArray()
      .map((link) => $(link).text()),
  );
});

test('every article is found by its tags: each tag is in its indexed text', () => {
  const records = searchIndexRecords(fixtureSite.dist);
  const missing = records.flatMap((record) => {
    const $ = page(fixtureSite.dist, record.url);
    return $('.tags a')
      .toArray()
      .map((link) => $(link).text())
      .filter((tag) => !record.content.includes(tag))
      .map((tag) => `${record.url}: ${tag}`);
  });
  expect(records.some((record) => page(fixtureSite.dist, record.url)('.tags a').length > 0)).toBe(true);
  expect(missing).toEqual([]);
});

test("a search result shows the article's own photo or none, never the thumbnail of a story it links to", () => {
  const records = searchIndexRecords(fixtureSite.dist);
  const shown = records.map((record) => {
    const $ = page(fixtureSite.dist, record.url);
    const own = $('article img')
      .filter((_, img) => $(img).closest('.related, .neighbours').length === 0)
      .first()
      .attr('src');
    return {
      url: record.url,
      shown: record.meta['image'],
      own,
      linked: $('.related img, .neighbours img').length,
    };
  });
  // Articles without a photo of their own that link to stories with one: what the rule is about.
  expect(shown.filter(({ own, linked }) => own === undefined && linked > 0).length).toBeGreaterThan(0);
  expect(shown.filter(({ shown, own }) => shown !== own)).toEqual([]);
});
