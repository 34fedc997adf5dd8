import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

/**
 * A deterministic synthetic newsroom for the built-site and browser tests, at a realistic size
 * (hundreds of articles across sections, authors, tags, series and months). Every text is obviously
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
  featured: 'featured-fixture-story',
  draft: `draft-${leakMarkers.draft}`,
  embargoed: `embargoed-${leakMarkers.embargo}`,
} as const;

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
const photoNames = ['sunset', 'life', 'friends', 'picosdeeuropa'];

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

/**
 * A small photo whose bytes no other photo shares: Astro names an output image after the first file
 * with its content, so a shared photo would hide a leaked file name.
 */
async function uniquePhoto(seed: string): Promise<Buffer> {
  const shade = Array.from(seed, (char) => char.charCodeAt(0)).reduce(
    (sum, code) => (sum * 31 + code) % 0xffffff,
    7,
  );
  const background = `#${shade.toString(16).padStart(6, '0')}`;
  return sharp({ create: { width: 96, height: 64, channels: 3, background } })
    .jpeg()
    .toBuffer();
}

/** An ISO date-time in Shanghai time, `hours` before the fixture clock. */
function hoursBeforeNow(hours: number): string {
  const date = new Date(Date.parse(fixtureNow) - hours * 3_600_000 + 8 * 3_600_000);
  return `${date.toISOString().slice(0, 19)}+08:00`;
}

/**
 * Writes the fixture content folder (articles, authors, sections, series, pages, photos) into `dir`
 * and returns the manifest of every article written.
 */
export async function writeFixtureSite(
  dir: string,
  { generated = 240 }: { generated?: number } = {},
): Promise<ManifestEntry[]> {
  rmSync(dir, { recursive: true, force: true });
  cpSync(photos, join(dir, 'photos'), { recursive: true });
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
      hero: { src: '../../photos/picosdeeuropa.jpg', alt: 'Mountains under cloud' },
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
    mkdirSync(join(dir, 'articles', id), { recursive: true });
    writeFileSync(join(dir, 'articles', id, `${marker}-photo.jpg`), await uniquePhoto(marker));
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
    // Spread over about eight months before the clock; the first few fall within the news sitemap's
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

/** The article the edit pair changes between its two builds. */
export const editedId = 'story-that-gets-corrected';

/**
 * Two versions of a tiny newsroom: in `after`, one article's headline and section are changed and a
 * correction is added, as an editor would when correcting it. Used to prove permalinks and feed guids
 * survive the edit.
 */
export function writeEditPair(before: string, after: string): void {
  for (const [dir, edited] of [
    [before, false],
    [after, true],
  ] as const) {
    rmSync(dir, { recursive: true, force: true });
    write(join(dir, 'sections', 'news.yaml'), 'name: News\ndescription: Synthetic news.\n');
    write(join(dir, 'sections', 'business.yaml'), 'name: Business\ndescription: Synthetic business.\n');
    write(
      join(dir, 'authors', 'avery-fixture.yaml'),
      'name: Avery Fixture\nrole: Synthetic\nbio: Made up.\n',
    );
    for (const [index, id] of ['story-one', editedId, 'story-three'].entries()) {
      const changed = edited && id === editedId;
      write(
        join(dir, 'articles', `${id}.md`),
        frontmatter({
          title: changed ? 'Corrected synthetic headline' : `Synthetic headline ${index + 1}`,
          standfirst: 'A synthetic standfirst.',
          section: changed ? 'business' : 'news',
          authors: ['avery-fixture'],
          publishedAt: `2026-01-0${index + 1}T09:00:00+08:00`,
          ...(changed
            ? {
                updatedAt: '2026-01-14T09:00:00+08:00',
                corrections: [{ date: '2026-01-14T09:00:00+08:00', text: 'The headline was corrected.' }],
              }
            : {}),
        }) + 'Synthetic body.\n',
      );
    }
  }
}

/** Editor-supplied text that would break out of its context if any output failed to escape it. */
export const hostile = {
  id: 'hostile-strings-story',
  title: 'Hostile </script><script>alert(1)</script> & ]]> <b>headline</b>',
  standfirst: 'Standfirst with </title><img src=x onerror=alert(2)> & <!-- comment --> ]]>',
  author: `Mallory "<b>Bold</b>" O'Hare & Co </script>`,
  tag: '<script>tag</script> & "quoted"',
  alt: 'Alt "quoted" <img src=x onerror=alert(3)> & more',
  caption: 'Caption </figcaption><script>alert(4)</script> & more',
  credit: 'Credit <i>agency</i> & Co',
  note: "Editor's </aside><script>alert(5)</script> note",
  correction: 'Correction ]]></description><script>alert(6)</script>',
  body: [
    'Before the raw HTML.',
    '<script>alert("body")</script>',
    '<p onclick="alert(7)">Paragraph with a handler.</p>',
    '<a href="javascript:alert(8)">javascript link</a> and <a href="data:text/html,x">data link</a>',
    '<style>body { display: none }</style>',
    '<iframe src="https://www.youtube-nocookie.com/embed/synthetic" title="A synthetic video" onload="alert(9)"></iframe>',
    '<form action="https://evil.example"><input name="q"></form>',
    '| Legit | Table |\n| --- | --- |\n| cell | <em>kept</em> |',
    '> A legitimate quotation survives.',
    'Text with a footnote.[^1]\n\n[^1]: The footnote survives.',
  ].join('\n\n'),
} as const;

/** When the gating site's embargoed article may be published. */
export const gatingEmbargo = '2026-01-20T09:00:00+08:00';

/**
 * A tiny newsroom for publish-gating and timezone builds: one published article, one draft and one
 * article embargoed until `gatingEmbargo`, the unpublished ones carrying the leak markers in their
 * headline, standfirst, body, slug, tags and photo file name.
 */
export async function writeGatingSite(dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  write(join(dir, 'sections', 'news.yaml'), 'name: News\ndescription: Synthetic news.\n');
  write(join(dir, 'authors', 'avery-fixture.yaml'), 'name: Avery Fixture\nrole: Synthetic\nbio: Made up.\n');
  write(
    join(dir, 'authors', 'mallory.yaml'),
    `name: ${JSON.stringify(hostile.author)}\nrole: Synthetic\nbio: ${JSON.stringify(hostile.standfirst)}\n`,
  );
  mkdirSync(join(dir, 'articles', hostile.id), { recursive: true });
  writeFileSync(join(dir, 'articles', hostile.id, 'photo.jpg'), await uniquePhoto(hostile.id));
  write(
    join(dir, 'articles', hostile.id, 'index.md'),
    frontmatter({
      title: hostile.title,
      standfirst: hostile.standfirst,
      section: 'news',
      authors: ['mallory'],
      tags: [hostile.tag],
      publishedAt: '2026-01-03T09:00:00+08:00',
      updatedAt: '2026-01-04T09:00:00+08:00',
      editorsNote: hostile.note,
      hero: { src: './photo.jpg', alt: hostile.alt, caption: hostile.caption, credit: hostile.credit },
      corrections: [{ date: '2026-01-04T09:00:00+08:00', text: hostile.correction }],
    }) + `${hostile.body}\n`,
  );
  const articles = [
    ['published-story', 'Published synthetic story', { publishedAt: '2026-01-02T09:00:00+08:00' }],
    [
      fixtureIds.draft,
      `Unpublished ${leakMarkers.draft} headline`,
      { draft: true, publishedAt: '2026-01-01T09:00:00+08:00' },
    ],
    [fixtureIds.embargoed, `Unpublished ${leakMarkers.embargo} headline`, { publishedAt: gatingEmbargo }],
  ] as const;
  for (const [id, title, extra] of articles) {
    const marker = id.includes(leakMarkers.draft)
      ? leakMarkers.draft
      : id.includes(leakMarkers.embargo)
        ? leakMarkers.embargo
        : 'plain';
    mkdirSync(join(dir, 'articles', id), { recursive: true });
    writeFileSync(join(dir, 'articles', id, `${marker}-photo.jpg`), await uniquePhoto(marker));
    write(
      join(dir, 'articles', id, 'index.md'),
      frontmatter({
        title,
        standfirst: `Standfirst with ${marker}.`,
        section: 'news',
        authors: ['avery-fixture'],
        tags: [`${marker}-tag`],
        hero: { src: `./${marker}-photo.jpg`, alt: `Photo ${marker}`, credit: 'Synthetic' },
        ...extra,
      }) + `Body text with ${marker} in it.\n`,
    );
  }
}

/**
 * A newsroom before its first article: the sections, authors, series and pages of content/, and
 * an empty articles/ folder.
 */
export function writeEmptySite(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync('content', dir, { recursive: true, filter: (source) => !source.includes('/articles/') });
  mkdirSync(join(dir, 'articles'), { recursive: true });
}
