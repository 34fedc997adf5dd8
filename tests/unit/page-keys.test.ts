import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chromeOf } from '../../src/lib/chrome.ts';
import { buildListings } from '../../src/lib/listings.ts';
import type { Article, Author } from '../../src/lib/model.ts';
import { articlePages, listingPagesOf } from '../../src/lib/page-keys.ts';
import type { KeptKeys, PagesRoom } from '../../src/lib/page-keys.ts';
import { relatedIndex } from '../../src/lib/related.ts';
import { keptKeys, sitePages } from '../../src/lib/site-pages.ts';
import type { SitePages } from '../../src/lib/site-pages.ts';
import { yearInputs } from '../../src/lib/year-inputs.ts';
import { site } from '../../src/site.config.ts';
import { article, authors, inNewsroomOrder, sections, seriesById } from './newsroom-fixture.ts';

/**
 * Keys kept by the year (src/lib/year-inputs.ts): after any newsroom event, the keys a build takes
 * from the last build's record for the years whose inputs did not change are the keys it would work
 * out for every page, and most years are kept when a story is published.
 */

/** An article file as the newsroom writes it, and the version of the photo it names. */
interface File {
  id: string;
  section: string;
  authors: string[];
  publishedAt: string;
  title: string;
  tags: string[];
  series?: { id: string; part: number };
  body: string;
  photo?: number;
}

/** A random number generator with a seed, so that a failure can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** The article a build makes of a file: its body's key is the digest of the file, photo aside. */
function resolve({ photo, ...file }: File): Article {
  const made = article({
    ...file,
    body: createHash('sha256').update(JSON.stringify(file)).digest('hex'),
    data: {
      title: file.title,
      ...(photo !== undefined && {
        hero: {
          src: { src: `/_astro/photo.v${photo}.jpg`, width: 800, height: 600, format: 'jpg' },
          alt: 'A photo',
        },
      }),
    } as Partial<Article['data']>,
  });
  return made;
}

/** The newsroom a build makes of the files, as src/lib/query.ts does. */
function roomOf(files: File[], authorsNow: Map<string, Author>): PagesRoom {
  const articles = inNewsroomOrder(files.map(resolve));
  const bySeries = new Map<string, Article[]>();
  for (const each of articles) {
    if (!each.series) continue;
    const parts = bySeries.get(each.series.series.id) ?? [];
    bySeries.set(each.series.series.id, parts);
    parts.push(each);
  }
  for (const parts of bySeries.values()) parts.sort((a, b) => a.series!.part - b.series!.part);
  const content = {
    articles,
    sections,
    authors: authorsNow,
    series: seriesById,
    bySeries,
    now: new Date('2026-06-01'),
  };
  return { ...content, related: relatedIndex(articles, bySeries), listings: buildListings(content, site) };
}

/** Every article and listing page's keys as the record holds them, with `kept` keys taken where given. */
function keysOf(room: PagesRoom, kept?: KeptKeys) {
  const around = chromeOf({ ...room, pages: [] }, site.timezone);
  return [
    ...articlePages(room, around, kept).map(({ path, year, cacheKey, searchKey }) => ({
      path,
      year,
      cacheKey,
      searchKey,
    })),
    ...listingPagesOf(room, around, kept).map(({ path, year, cacheKey }) => ({ path, year, cacheKey })),
  ];
}

const tags = ['Trade', 'trade', 'Chips', 'Ports', 'Rail', 'Energy', 'Steel'];

function newFile(next: () => number, number: number, year?: number): File {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const at = new Date(
    Date.UTC(year ?? 2019 + Math.floor(next() * 7), Math.floor(next() * 12), 1 + Math.floor(next() * 27), 6),
  );
  return {
    id: `story-${number}`,
    section: pick([...sections.keys()]),
    authors: [pick(['li-mei', 'ni-tao'])],
    publishedAt: at.toISOString(),
    title: `Headline ${number}`,
    tags: [...new Set([pick(tags), pick(tags)])],
    body: `Body ${number}`,
    ...(next() < 0.3 && { photo: 1 }),
  };
}

describe('keys kept by the year', () => {
  it('are the keys every page would get, after any sequence of newsroom events', () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      let number = 0;
      const files: File[] = Array.from({ length: 120 }, () => newFile(next, ++number));
      let authorsNow = new Map(authors);
      let previous: SitePages | undefined;
      let keptInAll = 0;
      const events: ((file: File) => void)[] = [
        () => files.push(newFile(next, ++number, 2026)),
        () => files.push(newFile(next, ++number)),
        (file) => files.splice(files.indexOf(file), 1),
        (file) => (file.body += ' Edited.'),
        (file) => (file.title = `Updated: ${file.title}`),
        (file) => (file.tags = [tags[Math.floor(next() * tags.length)]!]),
        (file) => (file.section = file.section === 'world' ? 'business/auto' : 'world'),
        (file) => (file.photo = (file.photo ?? 0) + 1),
        (file) => (file.publishedAt = newFile(next, 0).publishedAt),
        (file) => {
          const taken = new Set(
            files.flatMap((each) => (each.series?.id === 'planned' ? [each.series.part] : [])),
          );
          const part = [1, 2, 3].find((each) => !taken.has(each));
          if (part !== undefined) file.series = { id: 'planned', part };
        },
        () => {
          authorsNow = new Map(authorsNow);
          authorsNow.set('ni-tao', { ...authorsNow.get('ni-tao')!, bio: `Bio ${number++}` });
        },
      ];
      for (let step = 0; step < 60; step++) {
        if (step > 0) events[Math.floor(next() * events.length)]!(files[Math.floor(next() * files.length)]!);
        const room = roomOf(files, authorsNow);
        const around = chromeOf({ ...room, pages: [] }, site.timezone);
        const inputs = yearInputs(room, around, 'code');
        const kept = keptKeys(previous, inputs);
        let keptNow = 0;
        const counting: KeptKeys = (year, path) => {
          const keys = kept(year, path);
          if (keys) keptNow += 1;
          return keys;
        };
        const full = keysOf(room);
        const reused = keysOf(room, counting);
        expect(reused).toEqual(full);
        keptInAll += keptNow;
        previous = sitePages(full, inputs);
      }
      expect(keptInAll).toBeGreaterThan(0);
    }
  });

  it('keeps every year but the newest when a story is published after the others', () => {
    const next = random(7);
    const files = Array.from({ length: 200 }, (_, index) => newFile(next, index + 1));
    const before = roomOf(files, authors);
    const around = chromeOf({ ...before, pages: [] }, site.timezone);
    const record = sitePages(keysOf(before), yearInputs(before, around, 'code'));
    // The newest story, in a section and with a tag every year has, spelt as before.
    files.push({
      ...newFile(next, 201),
      section: 'world',
      tags: ['Ports'],
      publishedAt: '2025-12-30T06:00:00.000Z',
    });
    const after = roomOf(files, authors);
    const inputs = yearInputs(after, around, 'code');
    const changed = [...inputs]
      .filter(([year, digest]) => record.inputs?.[year] !== digest)
      .map(([year]) => year);
    expect(changed).toEqual([2025]);
    const kept = keptKeys(record, inputs);
    const pages = keysOf(after);
    expect(
      pages
        .filter((page) => page.year !== undefined && page.year < 2025)
        .every((page) => kept(page.year, page.path)),
    ).toBe(true);
    // Nor with another code.
    expect(
      keptKeys(record, yearInputs(after, around, 'other code'))(
        2019,
        pages.find((page) => page.year === 2019)!.path,
      ),
    ).toBeUndefined();
  });
});
