import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A deterministic synthetic newsroom for the built-site and browser tests. Every text is obviously
 * fake; the photos are the landscape fixtures in tests/fixtures/photos. Nothing here is news.
 */

const photos = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/photos');

/** The build clock the fixture site is built with. */
export const fixtureNow = '2026-01-15T12:00:00+08:00';

/** Words that appear only in unpublished articles: finding one in dist/ is a leak. */
export const leakMarkers = {
  draft: 'zqxdraftmarker',
  embargo: 'zqxembargomarker',
} as const;

/** Ids of the hand-made articles the tests look at. */
export const fixtureIds = {
  complete: 'complete-fixture-story',
  partOne: 'fixture-series-part-one',
  draft: `draft-${leakMarkers.draft}`,
  embargoed: `embargoed-${leakMarkers.embargo}`,
} as const;

const words = (
  'synthetic fixture sample placeholder harbour council quarterly ledger bridge market river station ' +
  'committee forecast lantern orchard meadow signal archive harvest compass timber granite beacon'
).split(' ');

/** A small deterministic pseudo-random generator (mulberry32), so every run writes the same site. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, length = 12): string {
  const picked = Array.from({ length }, () => words[Math.floor(next() * words.length)]!);
  const text = picked.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number, sentences = 4): string {
  return Array.from({ length: sentences }, () => sentence(next)).join(' ');
}

function write(file: string, text: string) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function frontmatter(fields: Record<string, unknown>): string {
  return `---\n${Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n')}\n---\n\n`;
}

/** Writes the fixture content folder (articles, authors, sections, series, photos) into `dir`. */
export function writeFixtureSite(dir: string, { generated = 12 }: { generated?: number } = {}): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(photos, join(dir, 'photos'), { recursive: true });
  const next = random(42);

  const sections: [string, string, number][] = [
    ['news', 'News', 10],
    ['news/world', 'World', 10],
    ['business', 'Business', 20],
    ['business/markets', 'Markets', 10],
  ];
  for (const [id, name, order] of sections) {
    write(
      join(dir, 'sections', `${id}.yaml`),
      `name: ${name}\ndescription: Synthetic ${name.toLowerCase()} section for tests.\norder: ${order}\n`,
    );
  }
  for (const [id, name] of [
    ['avery-fixture', 'Avery Fixture'],
    ['rowan-testwell', 'Rowan Testwell'],
  ]) {
    write(
      join(dir, 'authors', `${id}.yaml`),
      `name: ${name}\nrole: Synthetic correspondent\nbio: A made-up author who exists only in Broadsheet's tests.\n`,
    );
  }
  write(
    join(dir, 'series', 'fixture-series.yaml'),
    'name: The fixture series\ndescription: A synthetic three-part special report for tests.\nparts: 3\n',
  );

  const article = (id: string, fields: Record<string, unknown>, body: string) => {
    write(join(dir, 'articles', id, 'index.md'), frontmatter(fields) + body);
  };

  article(
    fixtureIds.complete,
    {
      title: 'Complete fixture story with "every" element',
      standfirst: 'A synthetic article that carries every field an article page can show.',
      section: 'news/world',
      authors: ['avery-fixture', 'rowan-testwell'],
      publishedAt: '2026-01-10T08:30:00+08:00',
      updatedAt: '2026-01-11T10:00:00+08:00',
      format: 'analysis',
      tags: ['Fixture tag', 'Harbour'],
      series: { id: 'fixture-series', part: 2 },
      editorsNote: 'This is the second part of a synthetic three-part series.',
      hero: {
        src: '../../photos/sunset.jpg',
        alt: 'A sunset over hills',
        caption: 'Sunset over the hills.',
        credit: 'Fixture Agency',
      },
      disclosure: 'The authors are synthetic and have nothing to declare.',
      corrections: [
        { date: '2026-01-11T10:00:00+08:00', text: 'An earlier version misspelt a synthetic word.' },
      ],
    },
    [
      paragraph(next),
      '## A fixture subheading',
      paragraph(next),
      '![A stream running over rocks through woodland](../../photos/life.jpg "A stream in the woods. Credit: Fixture Photos")',
      '> ' + sentence(next),
      paragraph(next),
      '![A dog looking out of a doorway](../../photos/friends.jpg "Credit: Another Agency")',
      paragraph(next),
    ].join('\n\n') + '\n',
  );
  article(
    fixtureIds.partOne,
    {
      title: 'First part of the fixture series',
      standfirst: 'The synthetic series begins here.',
      section: 'news',
      authors: ['avery-fixture'],
      publishedAt: '2026-01-05T09:00:00+08:00',
      series: { id: 'fixture-series', part: 1 },
      hero: { src: '../../photos/picosdeeuropa.jpg', alt: 'Mountains under cloud' },
    },
    `${paragraph(next)}\n`,
  );
  for (const [id, marker, extra] of [
    [fixtureIds.draft, leakMarkers.draft, { draft: true, publishedAt: '2026-01-01T09:00:00+08:00' }],
    [fixtureIds.embargoed, leakMarkers.embargo, { publishedAt: '2026-01-20T09:00:00+08:00' }],
  ] as const) {
    cpSync(join(photos, 'life.jpg'), join(dir, 'articles', id, `${marker}-photo.jpg`));
    article(
      id,
      {
        title: `Unpublished ${marker} headline`,
        standfirst: `Standfirst with ${marker}.`,
        section: 'business',
        authors: ['rowan-testwell'],
        tags: [`${marker}-tag`],
        hero: { src: `./${marker}-photo.jpg`, alt: `Photo ${marker}` },
        ...extra,
      },
      `Body text with ${marker} in it.\n`,
    );
  }
  const sectionIds = sections.map(([id]) => id);
  for (let index = 0; index < generated; index += 1) {
    const day = String(1 + (index % 9)).padStart(2, '0');
    const hour = String(6 + (index % 12)).padStart(2, '0');
    article(
      `generated-story-${String(index + 1).padStart(3, '0')}`,
      {
        title: `Generated fixture story ${index + 1}: ${sentence(next, 5).slice(0, -1)}`,
        standfirst: sentence(next),
        section: sectionIds[index % sectionIds.length],
        authors: [index % 3 === 0 ? 'rowan-testwell' : 'avery-fixture'],
        publishedAt: `2026-01-${day}T${hour}:00:00+08:00`,
        tags: [index % 2 === 0 ? 'Harbour' : 'Orchard'],
      },
      `${paragraph(next)}\n\n${paragraph(next)}\n`,
    );
  }
}
