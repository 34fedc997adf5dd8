import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isoInZone } from '../../src/lib/dates.ts';
import { site } from '../../src/site.config.ts';
import { frontmatter, write } from './content-files.ts';
import { fixturePhotos, photoNames, portraitPhoto, uniquePhoto } from './photos.ts';
import { paragraph, random, sentence } from './synthetic-text.ts';

/**
 * A deterministic synthetic newsroom for the built-site and browser tests: over a hundred articles
 * across sections, authors, tags, series and months, enough for several pages of each listing and
 * every search shard, and no more, since every run builds it. Every text is obviously fake; the
 * photos are the landscape fixtures in tests/fixtures/photos and synthetic ones (photos.ts). Nothing
 * here is news.
 */

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
  featured: 'featured-fixture-story',
  draft: `draft-${leakMarkers.draft}`,
  embargoed: `embargoed-${leakMarkers.embargo}`,
} as const;

/** The alt text of the one hero with a focus (`focus: top`): a portrait whose subject is at the top. */
export const fixtureFocusAlt = 'A synthetic portrait, its subject at the top';

/** What the tests need to know of each article written, to work out independently what pages show. */
export interface ManifestEntry {
  id: string;
  title: string;
  section: string;
  authors: string[];
  tags: string[];
  publishedAt: string;
  published: boolean;
  series?: { id: string; part: number };
  featured?: boolean;
}

const sections: [id: string, name: string, order: number][] = [
  ['news', 'News', 10],
  ['news/world', 'World', 10],
  ['news/science', 'Science', 20],
  ['business', 'Business', 20],
  ['business/markets', 'Markets', 10],
  ['culture', 'Culture', 30],
];
const authors: [id: string, name: string][] = [
  ['avery-fixture', 'Avery Fixture'],
  ['rowan-testwell', 'Rowan Testwell'],
  ['jordan-mockridge', 'Jordan Mockridge'],
  ['sam-stubbs', 'Sam Stubbs'],
  ['casey-placeholder', 'Casey Placeholder'],
];
const tags = ['Harbour', 'Orchard', 'Lantern', 'Granite', 'Compass', 'Meadow', 'Beacon', 'Timber', '港口'];

/** An ISO date-time `hours` before the fixture clock, written as an editor of the site would: in its timezone. */
function hoursBeforeNow(hours: number): string {
  return isoInZone(new Date(Date.parse(fixtureNow) - hours * 3_600_000), site.timezone);
}

/**
 * Writes the fixture content folder (articles, authors, sections, series, pages, photos) into `dir`
 * and returns the manifest of every article written.
 */
export async function writeFixtureSite(
  dir: string,
  { generated = 120 }: { generated?: number } = {},
): Promise<ManifestEntry[]> {
  rmSync(dir, { recursive: true, force: true });
  cpSync(fixturePhotos, join(dir, 'photos'), { recursive: true });
  const next = random(42);
  const manifest: ManifestEntry[] = [];

  for (const [id, name, order] of sections) {
    write(
      join(dir, 'sections', `${id}.yaml`),
      `name: ${name}\ndescription: Synthetic ${name.toLowerCase()} section for tests.\norder: ${order}\n`,
    );
  }
  for (const [id, name] of authors) {
    write(
      join(dir, 'authors', `${id}.yaml`),
      `name: ${name}\nrole: Synthetic correspondent\nbio: A made-up author who exists only in Broadsheet's tests.\n` +
        (id === 'avery-fixture'
          ? 'photo:\n  src: ../photos/friends.jpg\n  alt: A dog standing in for the synthetic author\nlinks:\n  - label: Website\n    url: https://example.com/avery\n'
          : ''),
    );
  }
  write(
    join(dir, 'series', 'fixture-series.yaml'),
    'name: The fixture series\ndescription: A synthetic three-part special report for tests.\nparts: 3\n',
  );
  write(
    join(dir, 'pages', 'about.md'),
    '---\ntitle: About the fixture site\ndescription: A synthetic site.\n---\n\nSynthetic.\n',
  );

  const article = (entry: Omit<ManifestEntry, 'published'>, extra: Record<string, unknown>, body: string) => {
    const published = extra['draft'] !== true && Date.parse(entry.publishedAt) <= Date.parse(fixtureNow);
    manifest.push({ ...entry, published });
    const { id, title, section, authors: by, tags: tagged, publishedAt, series, featured } = entry;
    write(
      join(dir, 'articles', id, 'index.md'),
      frontmatter({ title, section, authors: by, tags: tagged, publishedAt, series, featured, ...extra }) +
        body,
    );
  };

  article(
    {
      id: fixtureIds.complete,
      title: 'Complete fixture story with “every” element',
      section: 'news/world',
      authors: ['avery-fixture', 'rowan-testwell'],
      tags: ['Fixture tag', 'Harbour'],
      publishedAt: '2026-01-10T08:30:00+08:00',
      series: { id: 'fixture-series', part: 2 },
    },
    {
      title: 'Complete fixture story with "every" element',
      standfirst: 'A synthetic article that carries every field an article page can show.',
      updatedAt: '2026-01-11T10:00:00+08:00',
      format: 'analysis',
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
  write(join(dir, 'articles', fixtureIds.partOne, 'portrait.jpg'), await portraitPhoto());
  article(
    {
      id: fixtureIds.partOne,
      title: 'First part of the fixture series',
      section: 'news',
      authors: ['avery-fixture'],
      tags: ['Harbour'],
      publishedAt: '2026-01-05T09:00:00+08:00',
      series: { id: 'fixture-series', part: 1 },
    },
    {
      standfirst: 'The synthetic series begins here.',
      hero: { src: './portrait.jpg', alt: fixtureFocusAlt, focus: 'top' },
    },
    `${paragraph(next)}\n`,
  );
  article(
    {
      id: fixtureIds.featured,
      title: 'Featured fixture story that leads the front page',
      section: 'business',
      authors: ['sam-stubbs'],
      tags: ['Beacon'],
      publishedAt: '2026-01-12T07:00:00+08:00',
      featured: true,
    },
    {
      standfirst: 'An older but featured synthetic story, chosen as the lead.',
      hero: { src: '../../photos/life.jpg', alt: 'A stream running over rocks through woodland' },
    },
    `${paragraph(next)}\n`,
  );
  for (const [id, marker, extra] of [
    [fixtureIds.draft, leakMarkers.draft, { draft: true, publishedAt: '2026-01-01T09:00:00+08:00' }],
    [fixtureIds.embargoed, leakMarkers.embargo, { publishedAt: '2026-01-20T09:00:00+08:00' }],
  ] as const) {
    write(join(dir, 'articles', id, `${marker}-photo.jpg`), await uniquePhoto(marker));
    article(
      {
        id,
        title: `Unpublished ${marker} headline`,
        section: 'business',
        authors: ['rowan-testwell'],
        tags: [`${marker}-tag`],
        publishedAt: extra.publishedAt,
      },
      {
        standfirst: `Standfirst with ${marker}.`,
        hero: { src: `./${marker}-photo.jpg`, alt: `Photo ${marker}` },
        ...extra,
      },
      `Body text with ${marker} in it.\n`,
    );
  }
  for (let index = 0; index < generated; index += 1) {
    // Spread over about four months before the clock; the first few fall within the news sitemap's
    // 48 hours, one just outside it.
    const hours = index < 4 ? [1, 20, 47, 49][index]! : 50 + index * 23;
    const hero = index % 6 === 0 ? photoNames[(index / 6) % photoNames.length] : undefined;
    article(
      {
        id: `generated-story-${String(index + 1).padStart(3, '0')}`,
        title: `Generated fixture story ${index + 1}: ${sentence(next, 5).slice(0, -1)}`,
        section: sections[index % sections.length]![0],
        authors: [authors[index % authors.length]![0]],
        tags: [tags[index % tags.length]!, tags[(index * 7 + 3) % tags.length]!].filter(
          (tag, position, all) => all.indexOf(tag) === position,
        ),
        publishedAt: hoursBeforeNow(hours),
      },
      {
        standfirst: sentence(next),
        ...(hero ? { hero: { src: `../../photos/${hero}.jpg`, alt: `Synthetic photo: ${hero}` } } : {}),
      },
      `${paragraph(next)}\n\n${paragraph(next)}\n`,
    );
  }
  return manifest;
}
