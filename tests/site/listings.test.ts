import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { page } from '../support/dist.ts';
import { published, siteMonth, urlsOf } from '../support/expected.ts';
import type { ManifestEntry } from '../support/fixture-site.ts';
import { fixtureIds } from '../support/fixture-site.ts';
import { fixtureManifest, fixtureSite } from '../support/sites.ts';

const live = published(fixtureManifest());
const dist = fixtureSite.dist;

/** Article links of a listing page, in order. */
function listed($: CheerioAPI): string[] {
  return $('.article-list .headline a, .series-parts .headline a')
    .toArray()
    .map((a) => $(a).attr('href') ?? '');
}

/** Every page of a listing, following rel=next from the clean URL. */
function allPages(base: string): { url: string; $: CheerioAPI }[] {
  const pages = [];
  let url: string | undefined = base;
  while (url) {
    const $ = page(dist, url);
    pages.push({ url, $ });
    url = $('link[rel="next"]').attr('href');
  }
  return pages;
}

const within = (section: string) => (entry: ManifestEntry) =>
  entry.section === section || entry.section.startsWith(`${section}/`);

const listings: [string, string, (entry: ManifestEntry) => boolean][] = [
  ['section', '/news/', within('news')],
  ['subsection', '/news/world/', within('news/world')],
  ['section', '/culture/', within('culture')],
  ['author', '/authors/avery-fixture/', (entry) => entry.authors.includes('avery-fixture')],
  ['tag', '/tags/harbour/', (entry) => entry.tags.includes('Harbour')],
  ['CJK tag', '/tags/港口/', (entry) => entry.tags.includes('港口')],
  ['year archive', '/archive/2025/', (entry) => siteMonth(entry).year === '2025'],
  [
    'month archive',
    '/archive/2025/12/',
    (entry) => siteMonth(entry).year === '2025' && siteMonth(entry).month === '12',
  ],
];

describe.each(listings)('the %s listing %s', (_, base, belongs) => {
  const pages = allPages(base);
  const expected = urlsOf(live.filter(belongs));
  // Blocks of 20 counted from the oldest: the front shows the open block and the newest full one,
  // numbered pages 1 … full - 1 the older full blocks (docs/architecture.md, guarantee 7).
  const full = Math.floor(expected.length / 20);
  const numbered = Math.max(0, full - 1);
  const urlOf = (index: number) => (index === 0 ? base : `${base}page/${numbered - index + 1}/`);

  test('lists exactly its published articles, newest first, each once across its pages', () => {
    expect(expected.length).toBeGreaterThan(0);
    expect(pages.flatMap(({ $ }) => listed($))).toEqual(expected);
  });

  test('has its newest articles at the clean URL, then pages of 20 numbered from the oldest', () => {
    expect(pages.map(({ url }) => url)).toEqual(
      Array.from({ length: numbered + 1 }, (_, index) => urlOf(index)),
    );
    expect(pages.map(({ $ }) => listed($).length)).toEqual([
      expected.length - 20 * numbered,
      ...Array.from({ length: numbered }, () => 20),
    ]);
    expect(existsSync(join(dist, base, `page/${full}/index.html`))).toBe(false);
  });

  test('links both ways between pages, newer as rel=prev and older as rel=next', () => {
    pages.forEach(({ $ }, index) => {
      const newer = index === 0 ? undefined : urlOf(index - 1);
      const older = index < numbered ? urlOf(index + 1) : undefined;
      expect($('link[rel="prev"]').attr('href')).toBe(newer);
      expect($('link[rel="next"]').attr('href')).toBe(older);
      expect($('.pagination a[rel="prev"]').attr('href')).toBe(newer);
      expect($('.pagination a[rel="next"]').attr('href')).toBe(older);
    });
  });

  test('a numbered page names its number and no total, and links no page above the next newer one', () => {
    pages.slice(1).forEach(({ $ }, index) => {
      const number = numbered - index;
      expect($('.page-number').text().trim()).toBe(`Page ${number}`);
      const linked = $('.pagination a')
        .toArray()
        .map((a) => $(a).attr('href') ?? '')
        .map((href) => (href === base ? 'front' : Number(href.slice(`${base}page/`.length, -1))));
      expect(linked).toContain('front');
      for (const each of linked) if (each !== 'front') expect(each).toBeLessThanOrEqual(number + 1);
    });
  });
});

test('a year’s front shows its months with their counts, its numbered pages do not', () => {
  expect(page(dist, '/archive/2025/')('.archive-nav li').length).toBeGreaterThan(0);
  expect(page(dist, '/archive/2025/page/1/')('.archive-nav').length).toBe(0);
});

test('a section front links its subsections', () => {
  const $ = page(dist, '/news/');
  const links = $('nav[aria-label="Subsections"] a')
    .toArray()
    .map((a) => $(a).attr('href'));
  expect(links).toEqual(['/news/world/', '/news/science/']);
});

test('an author page shows the portrait, role, bio and links', () => {
  const $ = page(dist, '/authors/avery-fixture/');
  expect($('h1').text()).toBe('Avery Fixture');
  expect($('.profile img').attr('alt')).toBe('A dog standing in for the synthetic author');
  expect($('.profile .role').text()).toBe('Synthetic correspondent');
  expect($('.profile a[href="https://example.com/avery"]').text()).toBe('Website');
});

test('a series page lists its parts in order, saying which are not online', () => {
  const $ = page(dist, '/series/fixture-series/');
  const numbers = $('.series-parts .number')
    .toArray()
    .map((element) => $(element).text().trim());
  expect(numbers).toEqual(['Part 1 of 3', 'Part 2 of 3', 'Part 3 of 3']);
  expect(listed($)).toEqual([`/articles/${fixtureIds.partOne}/`, `/articles/${fixtureIds.complete}/`]);
  expect($('.series-parts li').last().text()).toContain('Not available online');
});

describe('the front page', () => {
  const $ = page(dist, '/');

  test('leads with the newest featured article', () => {
    expect($('.lead .headline a').attr('href')).toBe(`/articles/${fixtureIds.featured}/`);
  });

  test('shows the newest other stories as top stories, then a band per top-level section', () => {
    const top = $('.top-stories .headline a')
      .toArray()
      .map((a) => $(a).attr('href'));
    const others = live.filter((entry) => entry.id !== fixtureIds.featured);
    expect(top).toEqual(urlsOf(others.slice(0, 4)));
    const bands = $('.band h2')
      .toArray()
      .map((h2) => $(h2).text());
    expect(bands).toEqual(['News', 'Business', 'Culture']);
  });

  test('shows the special reports rail with the series', () => {
    expect($('.reports').text()).toContain('The fixture series');
    expect($('.reports').text()).toContain('2 of 3 parts online');
  });
});

test('an article page offers related articles, its series first, and its section neighbours', () => {
  const $ = page(dist, `/articles/${fixtureIds.complete}/`);
  const related = $('.related .headline a')
    .toArray()
    .map((a) => $(a).attr('href'));
  expect(related[0]).toBe(`/articles/${fixtureIds.partOne}/`);
  expect(related).toHaveLength(4);
  expect(new Set(related).size).toBe(4);
  expect(related).not.toContain(`/articles/${fixtureIds.complete}/`);
  const world = live.filter((entry) => entry.section === 'news/world');
  const position = world.findIndex((entry) => entry.id === fixtureIds.complete);
  expect($('.neighbours a.older').attr('href')).toBe(urlsOf([world[position + 1]!])[0]);
});

test('the archive index links every month that has articles, with how many', () => {
  const $ = page(dist, '/archive/');
  const months = $('.archive-nav li')
    .toArray()
    .map((li) => ({ href: $(li).find('a').attr('href'), count: Number($(li).find('.count').text()) }));
  const expected = new Map<string, number>();
  for (const entry of live) {
    const { year, month } = siteMonth(entry);
    const href = `/archive/${year}/${month}/`;
    expected.set(href, (expected.get(href) ?? 0) + 1);
  }
  expect(months.map((month) => month.href)).toEqual([...expected.keys()].sort().reverse());
  for (const month of months) expect(month.count).toBe(expected.get(month.href!));
});
