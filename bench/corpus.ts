/**
 * The benchmark corpus: N synthetic news articles, the same for every run of the same size, written
 * once as a Broadsheet content folder and once as plain Markdown for the peers (Hugo, Eleventy).
 * Every text is generated filler and says so; nothing here is news.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const photosDir = 'tests/fixtures/photos';
const photos = readdirSync(photosDir).filter((file) => file.endsWith('.jpg'));

/** A small deterministic generator (mulberry32), so a size always gives the same corpus. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocabulary = (
  'synthetic benchmark market company city council harbour budget report figure growth quarter ' +
  'minister school hospital transport energy battery factory export import price wage worker ' +
  'election committee review policy station river bridge district court ruling season league ' +
  'festival museum archive library weather storm coast island village province capital tower ' +
  'network software device chip vehicle motor charging supplier investor analyst forecast demand ' +
  'supply contract tender project plan survey sample table chart estimate average record total'
).split(' ');

export const sections = [
  { id: 'news', name: 'News' },
  { id: 'world', name: 'World' },
  { id: 'business', name: 'Business' },
  { id: 'business/auto', name: 'Auto' },
  { id: 'business/tech', name: 'Tech' },
  { id: 'sport', name: 'Sport' },
  { id: 'culture', name: 'Culture' },
  { id: 'opinion', name: 'Opinion' },
] as const;

const authorCount = 50;
const tagCount = 200;
const seriesCount = 10;
const seriesParts = 5;

export interface BenchArticle {
  slug: string;
  title: string;
  standfirst: string;
  section: string;
  authors: string[];
  tags: string[];
  publishedAt: string;
  /**
   * One article in five has a photo of its own, as a newsroom's stories do: a file in
   * `photos/<slug>/`, named as the photo of tests/fixtures/photos whose bytes it has.
   */
  photo?: string;
  series?: { id: string; part: number };
  body: string;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const authorId = (index: number) => `bench-author-${pad(index + 1, 2)}`;
const seriesId = (index: number) => `bench-series-${pad(index + 1, 2)}`;

/** About 800 words: paragraphs, two subheadings, a quotation and a list. */
function body(next: () => number, words: (count: number) => string): string {
  const paragraph = () => {
    const sentences = Array.from({ length: 4 + Math.floor(next() * 3) }, () => {
      const sentence = words(9 + Math.floor(next() * 8));
      return sentence[0]!.toUpperCase() + sentence.slice(1) + '.';
    });
    return sentences.join(' ');
  };
  return [
    paragraph(),
    paragraph(),
    paragraph(),
    `## ${words(4)}`,
    paragraph(),
    `> "${words(14)}," a synthetic spokesperson said.`,
    paragraph(),
    paragraph(),
    [1, 2, 3, 4].map(() => `- ${words(7)}`).join('\n'),
    `## ${words(3)}`,
    paragraph(),
    paragraph(),
    paragraph(),
  ].join('\n\n');
}

/** The bench's build clock: every corpus, whatever its size, ends before it. */
export const benchClock = '2026-11-01T00:00:00+00:00';
const hour = 3600_000;

let builds = 0;
/**
 * The clock of the bench's next build: a minute after the last one's, from `benchClock`. A newsroom's
 * builds each have their own time, and a build must reuse its work whatever the clock says: with one
 * pinned clock the bench once hid that Broadsheet re-rendered every page whenever it moved
 * (docs/architecture.md, "Cache keys and incremental builds").
 */
export function nextBuildClock(): string {
  builds += 1;
  return isoTime(Date.parse(benchClock) + (builds - 1) * 60_000);
}
/** Time between two corpus articles: 100,000 of them span 34 years, the newest 3 hours before the clock. */
const spacing = 3 * hour;

const isoTime = (time: number) => new Date(time).toISOString().replace('.000Z', '+00:00');

/** Picks `length` words of the vocabulary, never the same word twice in a row. */
function wordPicker(next: () => number): (length: number) => string {
  // No word twice in a row: the linter would rightly warn about every "the the".
  return (length) => {
    const picked: string[] = [];
    while (picked.length < length) {
      const word = vocabulary[Math.floor(next() * vocabulary.length)]!;
      if (word !== picked.at(-1)) picked.push(word);
    }
    return picked.join(' ');
  };
}

/** Article number `index + 1` (no series), its text drawn from `next`. */
function article(index: number, next: () => number, publishedAt: string): BenchArticle {
  const words = wordPicker(next);
  const number = pad(index + 1, 5);
  const tags = new Set<string>();
  const tagTotal = 2 + Math.floor(next() * 3);
  while (tags.size < tagTotal) tags.add(`Topic ${pad(1 + Math.floor(next() * tagCount), 3)}`);
  const generated: BenchArticle = {
    slug: `bench-story-${number}`,
    title: `Synthetic benchmark story ${number}: ${words(6)}`,
    standfirst: `Generated filler for the benchmark: ${words(16)}.`,
    section: sections[Math.floor(next() * sections.length)]!.id,
    authors: [authorId(Math.floor(next() * authorCount))],
    tags: [...tags],
    publishedAt,
    body: body(next, words),
  };
  if (index % 5 === 0) generated.photo = photos[(index / 5) % photos.length];
  return generated;
}

/**
 * The corpus of `count` articles, newest last, one every three hours up to three hours before the
 * bench clock: every size is published in full, none is silently embargoed.
 */
export function benchArticles(count: number): BenchArticle[] {
  const next = random(count);
  const newest = Date.parse(benchClock) - spacing;
  let seriesSlot = 0;
  return Array.from({ length: count }, (_, index) => {
    const generated = article(index, next, isoTime(newest - (count - 1 - index) * spacing));
    // The first 50 articles that are a multiple of 7 make up the series, in order.
    if (index % 7 === 3 && seriesSlot < seriesCount * seriesParts) {
      generated.series = {
        id: seriesId(Math.floor(seriesSlot / seriesParts)),
        part: (seriesSlot % seriesParts) + 1,
      };
      seriesSlot += 1;
    }
    return generated;
  });
}

/** The story the "publish" scenario adds to a corpus of `count`: the newest of all, before the clock. */
export function newArticle(count: number): BenchArticle {
  // A seed of its own (no corpus size is negative), so the corpus it joins is the same as without it.
  return article(count, random(-count - 1), isoTime(Date.parse(benchClock) - hour));
}

function write(file: string, text: string) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const yamlList = (items: string[]) => `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;

/** Where an article's photo is, from the content folder. */
const photoPath = (slug: string, photo: string) => `photos/${slug}/${photo}`;

/**
 * Writes the corpus as a Broadsheet content folder: what BROADSHEET_CONTENT points at, with the
 * photos of the articles and of the stories still `toCome` (the publish scenario's).
 *
 * Each photo is a file of its own, as a build must read it: 2,000 at 10,000 articles. They are
 * links to the four fixture photos, which keeps a corpus of 100,000 at 4 MB of photos rather than
 * 4 GB, and named as those, so that the same bytes give Astro's output the same name and the
 * renditions are encoded once for each of the four, as before.
 */
export function writeBroadsheetContent(
  dir: string,
  articles: BenchArticle[],
  toCome: BenchArticle[] = [],
): void {
  rmSync(dir, { recursive: true, force: true });
  for (const article of [...articles, ...toCome]) {
    if (!article.photo) continue;
    const file = join(dir, photoPath(article.slug, article.photo));
    mkdirSync(dirname(file), { recursive: true });
    try {
      linkSync(join(photosDir, article.photo), file);
    } catch {
      // Another file system than the repository's.
      copyFileSync(join(photosDir, article.photo), file);
    }
  }
  sections.forEach((section, index) => {
    write(
      join(dir, 'sections', `${section.id}.yaml`),
      `name: ${section.name}\ndescription: Synthetic ${section.name.toLowerCase()} section.\norder: ${index + 1}\n`,
    );
  });
  for (let index = 0; index < authorCount; index += 1) {
    write(
      join(dir, 'authors', `${authorId(index)}.yaml`),
      `name: Synthetic Author ${pad(index + 1, 2)}\nrole: Benchmark writer\nbio: A generated byline for the benchmark.\n`,
    );
  }
  write(
    join(dir, 'pages', 'about.md'),
    '---\ntitle: About this benchmark\ndescription: A generated newsroom for measuring builds.\norder: 10\n---\n\nEvery article here is generated filler.\n',
  );
  for (let index = 0; index < seriesCount; index += 1) {
    write(
      join(dir, 'series', `${seriesId(index)}.yaml`),
      `name: Synthetic series ${index + 1}\ndescription: A generated series for the benchmark.\nparts: ${seriesParts}\n`,
    );
  }
  for (const each of articles) write(join(dir, 'articles', `${each.slug}.md`), broadsheetArticle(each));
}

/** One article as a Broadsheet Markdown file. */
export function broadsheetArticle(article: BenchArticle): string {
  const lines = [
    `title: ${JSON.stringify(article.title)}`,
    `standfirst: ${JSON.stringify(article.standfirst)}`,
    `section: ${article.section}`,
    `authors: ${yamlList(article.authors)}`,
    `publishedAt: "${article.publishedAt}"`,
    `tags: ${yamlList(article.tags)}`,
  ];
  if (article.series) lines.push(`series:\n  id: ${article.series.id}\n  part: ${article.series.part}`);
  if (article.photo) {
    lines.push(
      `hero:\n  src: ../${photoPath(article.slug, article.photo)}\n  alt: A stock photograph standing in for a news photo\n  caption: Generated caption for the benchmark.\n  credit: Fixture photo`,
    );
  }
  return `---\n${lines.join('\n')}\n---\n\n${article.body}\n`;
}

/** Writes the corpus as plain Markdown with the front matter Hugo and Eleventy read. */
export function writePeerContent(dir: string, articles: BenchArticle[]): void {
  rmSync(dir, { recursive: true, force: true });
  for (const each of articles) write(join(dir, `${each.slug}.md`), peerArticle(each));
}

/** One article as plain Markdown with the front matter Hugo and Eleventy read. */
export function peerArticle(article: BenchArticle): string {
  const section = sections.find((each) => each.id === article.section)!;
  const lines = [
    `title: ${JSON.stringify(article.title)}`,
    `summary: ${JSON.stringify(article.standfirst)}`,
    `date: ${article.publishedAt}`,
    `desk: ${section.id.replace('/', '-')}`,
    `deskName: ${section.name}`,
    `desks: [${section.id.replace('/', '-')}]`,
    `topics: ${yamlList(article.tags)}`,
    `authors: ${yamlList(article.authors)}`,
  ];
  return `---\n${lines.join('\n')}\n---\n\n${article.body}\n`;
}
