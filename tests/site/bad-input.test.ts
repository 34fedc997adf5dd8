import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { buildSite, outputRoot } from '../support/build-site';

/**
 * Guarantee 2 (clear failure): each editor mistake stops `npm run build` at the content check with a
 * message naming the file, the line, the field where there is one and the fix, and leaves the previous
 * output folder exactly as it was. Each case is a tiny valid newsroom plus one mistake; only the last
 * test (the same newsroom without a mistake) runs Astro. Every text here is fake.
 */

const root = join(outputRoot, 'bad-input');
const now = '2026-01-15T12:00:00+08:00';
const sentinel =
  '<!doctype html><title>Previous site</title><p>bad-input sentinel: the site before this build\n';
const scripts = Object.keys(
  (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts,
);

/** What a file in the content folder holds: text, bytes, or a directory standing in its place. */
type Content = string | Buffer | { directory: true };

/** One editor mistake, applied to the valid newsroom. */
interface Mistake {
  /** Frontmatter lines of articles/x.md to replace (or, with undefined, remove), by field name. */
  x?: Record<string, string | undefined>;
  /** Paragraphs added to the body of articles/x.md. */
  body?: string[];
  /** Files added to (or replaced in) the content folder. */
  files?: Record<string, Content>;
}

/** A diagnostic the build must print: where, what and how to fix it. */
interface Expected {
  /** The file, relative to the content folder. */
  file: string;
  /** The line: 1, or the first line of the file that holds this text. */
  at: 1 | string;
  /** The field the message must name, where there is one. */
  field?: string;
  /** Picks the diagnostic out among others on that line. */
  problem: RegExp;
  /** Words telling the editor what to do. */
  fix: RegExp;
}

interface BadCase {
  name: string;
  mistake: Mistake;
  /** Given the content folder relative to the repository (as the build prints paths). */
  expected: (folder: string) => Expected[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

/** A second valid article with the given id fields, for the cases that need two files. */
function plainArticle(title: string, extra: string[] = []): string {
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

function write(file: string, content: Content) {
  rmSync(file, { recursive: true, force: true });
  if (typeof content === 'object' && 'directory' in content) {
    mkdirSync(file, { recursive: true });
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/**
 * Writes the valid newsroom with `mistake` into `dir`: two sections, one author, a two-part series and
 * three articles (both parts and articles/x.md), with small generated photos.
 */
async function writeNewsroom(dir: string, mistake: Mistake = {}): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  const photo = await sharp({ create: { width: 96, height: 64, channels: 3, background: '#777777' } })
    .jpeg()
    .toBuffer();
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
  for (const [path, content] of Object.entries(files)) write(join(dir, path), content);
}

/** The 1-based line of `dir/file` holding `needle`, from the text written. */
function lineOf(dir: string, file: string, at: 1 | string): number {
  if (at === 1) return 1;
  const index = readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(at));
  if (index < 0) throw new Error(`${file} has no line with ${at}`);
  return index + 1;
}

const halfJpeg = (() => {
  const bytes = readFileSync('tests/fixtures/photos/sunset.jpg');
  return bytes.subarray(0, Math.floor(bytes.length / 2));
})();

const cases: BadCase[] = [
  {
    name: 'missing-headline',
    mistake: { x: { title: undefined } },
    expected: () => [
      { file: 'articles/x.md', at: 1, field: 'title', problem: /title: needs a headline/, fix: /needs a/ },
    ],
  },
  {
    name: 'date-without-offset',
    mistake: { x: { publishedAt: 'publishedAt: "2026-01-05T09:00:00"' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'publishedAt:',
        field: 'publishedAt',
        problem: /"2026-01-05T09:00:00" has no UTC offset/,
        fix: /add one, e\.g\. "2026-01-05T09:00:00\+08:00"/,
      },
    ],
  },
  {
    name: 'impossible-date',
    mistake: { x: { publishedAt: 'publishedAt: "2026-02-30T09:00:00+08:00"' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'publishedAt:',
        field: 'publishedAt',
        problem: /"2026-02-30T09:00:00\+08:00" is not a date that exists/,
        fix: /check the day and month/,
      },
    ],
  },
  {
    name: 'unknown-author',
    mistake: { x: { authors: 'authors: [no-such-author]' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'authors:',
        field: 'authors',
        problem: /"no-such-author" is not in content\/authors\//,
        fix: /use one of avery-fixture/,
      },
    ],
  },
  {
    name: 'unknown-section',
    mistake: { x: { section: 'section: sport' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'section:',
        field: 'section',
        problem: /"sport" is not in content\/sections\//,
        fix: /use one of business, news/,
      },
    ],
  },
  {
    name: 'unknown-series',
    mistake: { x: { series: 'series:\n  id: no-such-series\n  part: 1' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'id: no-such-series',
        field: 'series.id',
        problem: /"no-such-series" is not in content\/series\//,
        fix: /use one of fixture-series/,
      },
    ],
  },
  {
    name: 'duplicate-slug',
    mistake: {
      x: { slug: 'slug: shared-slug' },
      files: { 'articles/y.md': plainArticle('Another fake headline', ['slug: shared-slug']) },
    },
    expected: (folder) =>
      [
        ['articles/x.md', 'articles/y.md'],
        ['articles/y.md', 'articles/x.md'],
      ].map(([file, other]) => ({
        file: file!,
        at: 'slug:',
        field: 'slug',
        problem: new RegExp(`the slug "shared-slug" is also used by ${escape(`${folder}/${other!}`)}`),
        fix: /give one of them another `slug:` or file name/,
      })),
  },
  {
    name: 'duplicate-permalink',
    mistake: {
      files: {
        'articles/a/index.md': plainArticle('A fake story in a folder'),
        'articles/a.md': plainArticle('A fake story in a file'),
      },
    },
    expected: (folder) =>
      [
        ['articles/a.md', 'articles/a/index.md'],
        ['articles/a/index.md', 'articles/a.md'],
      ].map(([file, other]) => ({
        file: file!,
        at: 1 as const,
        problem: new RegExp(`"a" \\(from the file name\\) is also used by ${escape(`${folder}/${other!}`)}`),
        fix: /give one of them another `slug:` or file name/,
      })),
  },
  {
    name: 'missing-hero',
    mistake: {
      x: { hero: 'hero:\n  src: ./no-such-photo.jpg\n  alt: A fake photo\n  credit: Fixture Agency' },
    },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'src: ./no-such-photo.jpg',
        field: 'hero.src',
        problem: /photo "\.\/no-such-photo\.jpg" does not exist/,
        fix: /check the file name/,
      },
    ],
  },
  {
    name: 'corrupt-hero',
    mistake: { files: { 'articles/x-hero.jpg': halfJpeg } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'src: ./x-hero.jpg',
        problem: /photo "\.\/x-hero\.jpg" is corrupt or truncated/,
        fix: /export it again/,
      },
    ],
  },
  {
    name: 'missing-body-photo',
    mistake: { body: ['![A synthetic photo that was never saved](./nope.jpg "Credit: Fixture Photos")'] },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '](./nope.jpg',
        problem: /photo "\.\/nope\.jpg" does not exist/,
        fix: /check the file name/,
      },
    ],
  },
  {
    name: 'body-photo-without-alt',
    mistake: { body: ['![](./x-hero.jpg "A grey rectangle. Credit: Fixture Photos")'] },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '![](./x-hero.jpg',
        problem: /this photo has no alt text/,
        fix: /describe what it shows/,
      },
    ],
  },
  {
    name: 'broken-link',
    mistake: { body: ['Read the [earlier fake story](/articles/no-such-story/) as well.'] },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '(/articles/no-such-story/)',
        problem: /the link to \/articles\/no-such-story\/ goes nowhere/,
        fix: /\b(check|correct|change|fix|remove|use)\b/i,
      },
    ],
  },
  {
    name: 'link-to-draft',
    mistake: {
      body: ['Read the [unfinished fake story](/articles/draft-story/) as well.'],
      files: { 'articles/draft-story.md': plainArticle('A fake draft', ['draft: true']) },
    },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '(/articles/draft-story/)',
        problem: /the link to \/articles\/draft-story\/ points at a draft/,
        fix: /\b(remove|publish|wait|until|link to another)\b/i,
      },
    ],
  },
  {
    name: 'embed-from-unknown-host',
    mistake: { body: ['<iframe src="https://evil.example/player" title="A fake video"></iframe>'] },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '<iframe',
        problem: /the embed from evil\.example is not allowed/,
        fix: /embedHosts in src\/site\.config\.ts/,
      },
    ],
  },
  {
    name: 'unclosed-html-comment',
    mistake: { body: ['<!-- desk: check the figure with the agency', 'This paragraph would vanish.'] },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '<!-- desk',
        problem: /this HTML comment is never closed/,
        fix: /close it with -->|remove/,
      },
    ],
  },
  {
    name: 'series-part-twice',
    mistake: { x: { series: 'series:\n  id: fixture-series\n  part: 1' } },
    expected: (folder) =>
      [
        ['articles/part-one.md', 'articles/x.md'],
        ['articles/x.md', 'articles/part-one.md'],
      ].map(([file, other]) => ({
        file: file!,
        at: 'part: 1',
        problem: new RegExp(`part 1 of series "fixture-series" is also ${escape(`${folder}/${other!}`)}`),
        fix: /give each part its own number/,
      })),
  },
  {
    name: 'empty-file',
    mistake: { files: { 'articles/empty.md': '' } },
    expected: () => [{ file: 'articles/empty.md', at: 1, problem: /the file is empty/, fix: /start a new/ }],
  },
  {
    name: 'unreadable-file',
    mistake: { files: { 'articles/unreadable.md': { directory: true } } },
    expected: () => [
      {
        file: 'articles/unreadable.md',
        at: 1,
        problem: /is a folder, not a Markdown file/,
        fix: /rename it/,
      },
    ],
  },
  {
    name: 'invalid-yaml',
    mistake: { x: { title: 'title: "Synthetic headline with an unclosed quote' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'title:',
        problem: /the frontmatter is not valid YAML/,
        fix: /closing "?quote/i,
      },
    ],
  },
  {
    name: 'section-without-parent',
    mistake: { files: { 'sections/culture/books.yaml': 'name: Books\ndescription: Synthetic books.\n' } },
    expected: () => [
      {
        file: 'sections/culture/books.yaml',
        at: 1,
        problem: /has no parent section/,
        fix: /add sections\/culture\.yaml/,
      },
    ],
  },
];

/** Writes the newsroom and a previous site into dist/, builds, and returns what the tests look at. */
async function attempt(name: string, mistake?: Mistake) {
  const dir = join(root, name);
  await writeNewsroom(dir, mistake);
  const dist = join(dir, 'dist');
  write(join(dist, 'index.html'), sentinel);
  const { status, output } = buildSite({ content: dir, dist, now });
  return {
    dir,
    dist,
    status,
    output,
    folder: relative(process.cwd(), dir),
    leftovers: readdirSync(dir).filter((entry) => entry.includes('staging')),
  };
}

describe('a build with one editor mistake stops at the content check', () => {
  test.each(cases)('$name', async ({ name, mistake, expected }) => {
    const { dir, dist, status, output, folder, leftovers } = await attempt(name, mistake);
    const diagnostics = output.split('\n').filter((line) => /^\S+:\d+:\d+ {2}(error|warning) {2}/.test(line));

    expect(status, output).not.toBe(0);
    expect(output, 'the content check must finish and report').not.toContain('unsettled top-level await');
    expect(output).toContain('Nothing was published');
    expect(output).toMatch(/The content has \d+ errors?/);
    expect(output).not.toContain('Astro could not build');
    for (const want of expected(folder)) {
      const path = `${folder}/${want.file}`;
      const line = lineOf(dir, want.file, want.at);
      const here = diagnostics.filter(
        (each) =>
          each.startsWith(`${path}:${line}:`) && each.includes('  error  ') && want.problem.test(each),
      );
      expect(here, `an error at ${path}:${line} matching ${want.problem.source}\n${output}`).toHaveLength(1);
      const [diagnostic = ''] = here;
      if (want.field) expect(diagnostic).toContain(` ${want.field}`);
      expect(diagnostic, 'tells the editor what to do').toMatch(want.fix);
    }
    // The mistake is the only problem: the rest of the newsroom is valid.
    expect(diagnostics.filter((each) => each.includes('  error  '))).toHaveLength(expected(folder).length);
    // Any command the editor is told to run exists.
    for (const [, script] of output.matchAll(/npm run ([\w:-]+)/g)) expect(scripts).toContain(script);

    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe(sentinel);
    expect(readdirSync(dist)).toEqual(['index.html']);
    expect(leftovers).toEqual([]);
    expect(existsSync(`${dist}.schedule.json`)).toBe(false);
  });
});

describe('the same newsroom without a mistake', () => {
  test('builds and replaces the previous site (so the checks above can fail)', async () => {
    const { dist, status, output, leftovers } = await attempt('valid');

    expect(status, output).toBe(0);
    expect(output).not.toMatch(/ {2}(error|warning) {2}/);
    expect(output).toContain('Published 3 articles');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toBe(sentinel);
    expect(readFileSync(join(dist, 'articles/x/index.html'), 'utf8')).toContain('fake harbour');
    expect(existsSync(join(dist, 'articles/part-two/index.html'))).toBe(true);
    expect(leftovers).toEqual([]);
  }, 120_000);
});
