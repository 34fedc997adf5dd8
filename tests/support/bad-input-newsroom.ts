import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { write } from './content-files.ts';
import { uniquePhoto } from './photos.ts';

/**
 * The valid tiny newsroom the bad-input tests (tests/site/bad-input.test.ts) add one editor mistake
 * to. Every text here is fake.
 */

/** What a file in the content folder holds: text, bytes, or a directory standing in its place. */
export type Content = string | Buffer | { directory: true };

/** One editor mistake, applied to the valid newsroom. */
export interface Mistake {
  /** Frontmatter lines of articles/x.md to replace (or, with undefined, remove), by field name. */
  x?: Record<string, string | undefined>;
  /** Paragraphs added to the body of articles/x.md. */
  body?: string[];
  /** Files added to (or replaced in) the content folder. */
  files?: Record<string, Content>;
}

/** An article file from frontmatter lines (undefined ones left out) and body paragraphs. */
function article(fields: Record<string, string | undefined>, body: string[]): string {
  const lines = Object.values(fields).filter((line) => line !== undefined);
  return ['---', ...lines, '---', '', ...body.map((paragraph) => `${paragraph}\n`)].join('\n');
}

const xFields = {
  title: 'title: "Synthetic headline about a fake harbour"',
  standfirst: 'standfirst: "A clearly fake standfirst written for a test."',
  section: 'section: news',
  authors: 'authors: [avery-fixture]',
  publishedAt: 'publishedAt: "2026-01-07T09:00:00+08:00"',
  hero: 'hero:\n  src: ./x-hero.jpg\n  alt: A synthetic grey rectangle\n  credit: Fixture Agency',
};
const xBody = ['Synthetic body text about a fake harbour council.'];

/** A second valid article with `title` and extra frontmatter lines, for the cases that need two files. */
export function plainArticle(title: string, extra: string[] = []): string {
  return article(
    {
      title: `title: "${title}"`,
      standfirst: 'standfirst: "Another fake standfirst."',
      section: 'section: business',
      authors: 'authors: [avery-fixture]',
      publishedAt: 'publishedAt: "2026-01-08T09:00:00+08:00"',
      ...Object.fromEntries(extra.map((line, index) => [`extra${index}`, line])),
    },
    ['Synthetic text that exists only in a test.'],
  );
}

/** Puts `content` at `file`, replacing whatever was there. */
export function place(file: string, content: Content): void {
  rmSync(file, { recursive: true, force: true });
  if (typeof content === 'object' && 'directory' in content) mkdirSync(file, { recursive: true });
  else write(file, content);
}

/**
 * Writes the valid newsroom with `mistake` into `dir`: two sections, one author, a two-part series and
 * three articles (both parts and articles/x.md), with small generated photos.
 */
export async function writeNewsroom(dir: string, mistake: Mistake = {}): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  const photo = await uniquePhoto('bad-input');
  const files: Record<string, Content> = {
    'sections/news.yaml': 'name: News\ndescription: Synthetic news.\norder: 10\n',
    'sections/business.yaml': 'name: Business\ndescription: Synthetic business.\norder: 20\n',
    'authors/avery-fixture.yaml': 'name: Avery Fixture\nrole: Synthetic\nbio: A made-up author.\n',
    'series/fixture-series.yaml': 'name: The fixture series\ndescription: A synthetic report.\nparts: 2\n',
    'articles/part-one.md': article(
      {
        title: 'title: "First part of a fake series"',
        standfirst: 'standfirst: "The synthetic series begins here."',
        section: 'section: news',
        authors: 'authors: [avery-fixture]',
        publishedAt: 'publishedAt: "2026-01-05T09:00:00+08:00"',
        series: 'series:\n  id: fixture-series\n  part: 1',
      },
      ['Synthetic text for the first part.'],
    ),
    'articles/part-two/index.md': article(
      {
        title: 'title: "Second part of a fake series"',
        standfirst: 'standfirst: "The synthetic series ends here."',
        section: 'section: business',
        authors: 'authors: [avery-fixture]',
        publishedAt: 'publishedAt: "2026-01-06T09:00:00+08:00"',
        series: 'series:\n  id: fixture-series\n  part: 2',
      },
      [
        'Synthetic text that follows [the first part](/articles/part-one/).',
        '![A synthetic grey rectangle](./photo.jpg "A grey rectangle. Credit: Fixture Photos")',
      ],
    ),
    'articles/part-two/photo.jpg': photo,
    'articles/x.md': article({ ...xFields, ...mistake.x }, [...xBody, ...(mistake.body ?? [])]),
    'articles/x-hero.jpg': photo,
    ...mistake.files,
  };
  for (const [path, content] of Object.entries(files)) place(join(dir, path), content);
}

/** The 1-based line of `dir/file` holding `needle` (1 for the first line), from the text written. */
export function lineOf(dir: string, file: string, needle: 1 | string): number {
  if (needle === 1) return 1;
  const index = readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${file} has no line with ${needle}`);
  return index + 1;
}
