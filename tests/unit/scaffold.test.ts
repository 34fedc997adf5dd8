import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readArticle } from '../../src/lib/article-loader.ts';
import { articleText, publishedAtFor } from '../../src/lib/article-template.ts';
import type { NewArticleOptions } from '../../src/lib/article-template.ts';
import { figuresFromMarkdown } from '../../src/lib/figures.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { lintContent } from '../../src/lib/lint/index.ts';
import { articleSchema } from '../../src/lib/schema/index.ts';
import type { SchemaHelpers } from '../../src/lib/schema/index.ts';
import { ScaffoldError, createArticle } from '../../src/lib/scaffold.ts';
import { maxSlugLength, slugFromHeadline, wordsLeftOutOfSlug } from '../../src/lib/slug.ts';
import { newArticle, parseNewArticleArgs } from '../../scripts/new-article.ts';

// Stand-ins for Astro's image() and reference(), as in schema.test.ts.
const helpers = {
  image: () => z.object({ src: z.string(), width: z.number(), height: z.number(), format: z.string() }),
  reference: (collection: string) => z.string().transform((id) => ({ id, collection })),
} as unknown as SchemaHelpers;
const schema = articleSchema(helpers);

/** The frontmatter as the article loader and the linter read it. */
function frontmatterOf(source: string): Record<string, unknown> {
  const { data, errors } = parseFrontmatter(source);
  expect(errors).toEqual([]);
  return data;
}

const options: NewArticleOptions = {
  headline: 'Xiaomi opens its second car factory',
  section: 'business/auto',
  authors: ['ni-tao'],
  draft: true,
};
const publishedAt = '2026-11-27T06:12:00+08:00';

describe('slugFromHeadline', () => {
  test.each([
    { headline: 'Xiaomi opens its second car factory', slug: 'xiaomi-opens-its-second-car-factory' },
    { headline: 'Café society: électrique!', slug: 'cafe-society-electrique' },
    { headline: 'Cafe\u0301 (decomposed accent)', slug: 'cafe-decomposed-accent' },
    { headline: 'Straße über Ærø and Łódź', slug: 'strasse-uber-aero-and-lodz' },
    { headline: "Xiaomi's SU7 outsells Tesla’s Model 3", slug: 'xiaomis-su7-outsells-teslas-model-3' },
    { headline: '1,000 cars & 20% more', slug: '1000-cars-and-20-percent-more' },
    { headline: 'GDP grows 5.2% in Q3', slug: 'gdp-grows-5-2-percent-in-q3' },
    { headline: '  -- Lots   of -- punctuation?!  ', slug: 'lots-of-punctuation' },
    { headline: '“Quoted” — and dashed', slug: 'quoted-and-dashed' },
    { headline: 'ＳＵ７ in full width', slug: 'su7-in-full-width' },
    { headline: 'Xiaomi 小米 launches the SU7', slug: 'xiaomi-launches-the-su7' },
  ])('"$headline" becomes "$slug"', ({ headline, slug }) => {
    expect(slugFromHeadline(headline)).toBe(slug);
  });

  test('a long headline is cut at the last whole word within the limit', () => {
    const headline =
      'Head of Xiaomi Auto charms buyers with decorum in personal marketing as rivals smear each other';
    const slug = slugFromHeadline(headline);
    expect(slug).toBe('head-of-xiaomi-auto-charms-buyers-with-decorum-in-personal');
    expect(slug?.length).toBeLessThanOrEqual(maxSlugLength);
    expect(`${slugFromHeadline(headline, 200)}-`.startsWith(`${slug}-`)).toBe(true);
  });

  test('a single word longer than the limit is cut inside the word', () => {
    expect(slugFromHeadline('a'.repeat(80))).toBe('a'.repeat(maxSlugLength));
  });

  test.each([
    { what: 'entirely in Chinese', headline: '小米汽车开设第二工厂' },
    { what: 'entirely in Cyrillic', headline: 'Ракета стартовала' },
    { what: 'only punctuation', headline: '“—”?!' },
  ])('a headline $what gives no slug', ({ headline }) => {
    expect(slugFromHeadline(headline)).toBeUndefined();
  });
});

describe('wordsLeftOutOfSlug', () => {
  test.each([
    { headline: 'Café society', words: [] },
    { headline: '“Quoted” — and dashed', words: [] },
    { headline: 'Xiaomi 小米 launches the SU7', words: ['小米'] },
    { headline: '小米SU7 and 理想 L9', words: ['小米', '理想'] },
  ])('"$headline" leaves out $words', ({ headline, words }) => {
    expect(wordsLeftOutOfSlug(headline)).toEqual(words);
  });
});

describe('publishedAtFor', () => {
  test.each([
    { now: '2026-11-26T22:12:41.999Z', zone: 'Asia/Shanghai', iso: '2026-11-27T06:12:00+08:00' },
    { now: '2026-11-26T22:12:41Z', zone: 'UTC', iso: '2026-11-26T22:12:00+00:00' },
    { now: '2026-07-01T12:00:59Z', zone: 'America/New_York', iso: '2026-07-01T08:00:00-04:00' },
    { now: '2026-01-01T00:00:30Z', zone: 'Asia/Kolkata', iso: '2026-01-01T05:30:00+05:30' },
  ])('$now is $iso in $zone, seconds zeroed', ({ now, zone, iso }) => {
    expect(publishedAtFor(new Date(now), zone)).toBe(iso);
  });
});

describe('parseNewArticleArgs', () => {
  const base = { headline: 'Headline', section: 'business/auto', authors: ['ni-tao'], draft: true };

  test.each([
    {
      what: 'flags with separate values',
      argv: ['Headline', '--section', 'business/auto', '--author', 'ni-tao'],
      parsed: base,
    },
    {
      what: 'flags with = and the headline last',
      argv: ['--section=business/auto', '--author=ni-tao', 'Headline'],
      parsed: base,
    },
    {
      what: 'several --author flags, in order, without repeats',
      argv: [
        'Headline',
        '--section',
        'business/auto',
        '--author',
        'ni-tao',
        '--author',
        'li-wei',
        '--author',
        'ni-tao',
      ],
      parsed: { ...base, authors: ['ni-tao', 'li-wei'] },
    },
    {
      what: 'a comma-separated --author list',
      argv: ['Headline', '--section', 'business/auto', '--author', 'ni-tao, li-wei'],
      parsed: { ...base, authors: ['ni-tao', 'li-wei'] },
    },
    {
      what: 'a section with stray slashes',
      argv: ['Headline', '--section', '/business/auto/', '--author', 'ni-tao'],
      parsed: base,
    },
    {
      what: 'a headline with extra spaces and a line break',
      argv: ['  Headline\n', '--section', 'business/auto', '--author', 'ni-tao'],
      parsed: base,
    },
    {
      what: '--slug',
      argv: ['Headline', '--section', 'business/auto', '--author', 'ni-tao', '--slug', 'my-slug'],
      parsed: { ...base, slug: 'my-slug' },
    },
    {
      what: '--draft (already the default)',
      argv: ['Headline', '--section', 'business/auto', '--author', 'ni-tao', '--draft'],
      parsed: base,
    },
    {
      what: '--no-draft',
      argv: ['Headline', '--section', 'business/auto', '--author', 'ni-tao', '--no-draft'],
      parsed: { ...base, draft: false },
    },
  ])('reads $what', ({ argv, parsed }) => {
    expect(parseNewArticleArgs(argv)).toEqual({ slug: undefined, ...parsed });
  });

  test.each([{ argv: ['--help'] }, { argv: ['-h'] }, { argv: ['Headline', '--help'] }])(
    '$argv asks for help',
    ({ argv }) => {
      expect(parseNewArticleArgs(argv)).toBe('help');
    },
  );

  test.each([
    { what: 'no arguments', argv: [], message: /needs a headline/ },
    {
      what: 'a blank headline',
      argv: ['  ', '--section', 'business', '--author', 'ni-tao'],
      message: /needs a headline/,
    },
    {
      what: 'an unquoted headline',
      argv: ['Xiaomi', 'opens', 'factory', '--section', 'business', '--author', 'ni-tao'],
      message: /put the headline in quotes, npm run new -- "Xiaomi opens factory"/,
    },
    {
      what: 'no section',
      argv: ['Headline', '--author', 'ni-tao'],
      message: /needs a section: add --section/,
    },
    {
      what: 'no author',
      argv: ['Headline', '--section', 'business'],
      message: /needs at least one author: add --author/,
    },
    {
      what: 'a slug that is not a URL segment',
      argv: ['Headline', '--section', 'business', '--author', 'ni-tao', '--slug', 'Not A Slug'],
      message: /--slug "Not A Slug" must be lowercase letters, digits and single hyphens/,
    },
    { what: 'an unknown flag', argv: ['Headline', '--bogus'], message: /Unknown option '--bogus'/ },
    { what: 'a flag without its value', argv: ['Headline', '--section'], message: /--section/ },
    {
      what: '--draft and --no-draft together',
      argv: ['Headline', '--section', 'business', '--author', 'ni-tao', '--draft', '--no-draft'],
      message: /contradict/,
    },
  ])('refuses $what, saying what to do', ({ argv, message }) => {
    expect(() => parseNewArticleArgs(argv)).toThrow(ScaffoldError);
    expect(() => parseNewArticleArgs(argv)).toThrow(message);
  });
});

describe('articleText', () => {
  test('the frontmatter passes the article schema with every required field filled', () => {
    const data = frontmatterOf(articleText(options, publishedAt));
    expect(data).toEqual({
      title: 'Xiaomi opens its second car factory',
      standfirst: expect.stringMatching(/^TODO: /) as unknown,
      section: 'business/auto',
      authors: ['ni-tao'],
      publishedAt: '2026-11-27T06:12:00+08:00',
      format: 'news',
      tags: [],
      draft: true,
    });
    const article = schema.parse(data);
    expect(article.publishedAt.toISOString()).toBe('2026-11-26T22:12:00.000Z');
    expect(article.draft).toBe(true);
  });

  test('with --no-draft there is no draft line, so the schema default (published) applies', () => {
    const source = articleText({ ...options, draft: false }, publishedAt);
    expect(source).not.toMatch(/^draft:/m);
    expect(schema.parse(frontmatterOf(source)).draft).toBe(false);
  });

  test('several authors are listed in order', () => {
    const data = frontmatterOf(articleText({ ...options, authors: ['ni-tao', 'li-wei'] }, publishedAt));
    expect(data['authors']).toEqual(['ni-tao', 'li-wei']);
  });

  test.each([
    'Xiaomi: the next chapter',
    'Ends with a colon:',
    "'Quoted' at the start",
    '"Double" quotes at the start',
    'It’s “curly”',
    'Has a # in it',
    '# Starts with a hash',
    '- Starts with a dash',
    '[Bracketed] start',
    '{Braced} start',
    '@handle replies',
    '`code` start',
    '% of buyers',
    '& more',
    '* starred',
    '! bang',
    '| pipe',
    '> quote',
    '? question',
    'true',
    'No',
    'null',
    '~',
    '2025',
    '1e3',
    '0x1F',
    '2025-03-03',
    'Back\\slash',
    'Café 小米 — ünïcödé',
  ])('the headline %j survives YAML exactly', (headline) => {
    const data = frontmatterOf(articleText({ ...options, headline }, publishedAt));
    expect(data['title']).toBe(headline);
    expect(schema.safeParse(data).success).toBe(true);
  });

  test('the body shows the figure syntax in a comment, so it is not a figure yet', () => {
    const { body } = parseFrontmatter(articleText(options, publishedAt));
    expect(body).toContain('![What the photo shows');
    expect(body).toContain('Credit: Photographer or agency');
    expect(body.trim()).toMatch(/^<!--[\s\S]*-->$/);
    expect(figuresFromMarkdown(body)).toEqual([]);
  });
});

describe('createArticle and newArticle, on a copy of the content folder', () => {
  const now = new Date('2026-11-26T22:12:41Z');
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'broadsheet-scaffold-'));
    // A newsroom of its own: what content/ holds is the editors' business.
    await mkdir(join(root, 'sections', 'business'), { recursive: true });
    await mkdir(join(root, 'authors'));
    await writeFile(join(root, 'sections', 'business.yaml'), 'name: Business\ndescription: Companies.\n');
    await writeFile(join(root, 'sections', 'business', 'auto.yaml'), 'name: Auto\ndescription: Cars.\n');
    await writeFile(join(root, 'authors', 'ni-tao.yaml'), 'name: Ni Tao\nrole: Contributor\nbio: Writes.\n');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const io = (env: NodeJS.ProcessEnv = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        env: { BROADSHEET_CONTENT: root, BROADSHEET_NOW: '2026-11-27T06:12:41+08:00', ...env },
        cwd: root,
        timeZone: 'Asia/Shanghai',
        out: (line: string) => out.push(line),
        err: (line: string) => err.push(line),
      },
    };
  };

  test('the scaffold is read by the article loader and passes the schema', async () => {
    const { file, slug } = await createArticle(root, options, now, 'Asia/Shanghai');
    expect(slug).toBe('xiaomi-opens-its-second-car-factory');
    expect(file).toBe(join(root, 'articles', slug, 'index.md'));
    const article = schema.parse(readArticle(file, await readFile(file, 'utf8')));
    expect(article).toMatchObject({
      draft: true,
      tags: [],
      bodyFigures: [],
      section: { id: 'business/auto' },
    });
    expect(article.publishedAt.toISOString()).toBe('2026-11-26T22:12:00.000Z');
  });

  test('the content linter finds no errors or warnings in the draft it writes', async () => {
    await createArticle(root, options, now, 'Asia/Shanghai');
    const result = await lintContent(root, now, root);
    expect(result.diagnostics).toEqual([]);
    expect(result.published).toBe(0);
  });

  test('without the draft line, the TODO standfirst is the one error: it cannot publish unwritten', async () => {
    const { file } = await createArticle(root, { ...options, draft: false }, now, 'Asia/Shanghai');
    const result = await lintContent(root, now, root);
    const line = (await readFile(file, 'utf8'))
      .split('\n')
      .findIndex((each) => each.startsWith('standfirst:'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ line: line + 1, rule: 'placeholder', severity: 'error' }),
    ]);
    expect(result.published).toBe(1);
  });

  test('an author that exists among several is accepted', async () => {
    await writeFile(
      join(root, 'authors', 'li-wei.yaml'),
      'name: Li Wei\nrole: Reporter\nbio: Covers cars.\n',
    );
    const { file } = await createArticle(root, { ...options, authors: ['li-wei', 'ni-tao'] }, now, 'UTC');
    expect(frontmatterOf(await readFile(file, 'utf8'))['authors']).toEqual(['li-wei', 'ni-tao']);
    expect((await lintContent(root, now, root)).errors).toBe(0);
  });

  test('an unknown section and authors are all reported, with the valid ids, and nothing is written', async () => {
    const attempt = createArticle(
      root,
      { ...options, section: 'business/autos', authors: ['ni-ta', 'bob'] },
      now,
      'UTC',
    );
    await expect(attempt).rejects.toThrow(ScaffoldError);
    await expect(attempt).rejects.toThrow(
      /section "business\/autos" is not in content\/sections\/: use one of business, business\/auto.* Did you mean "business\/auto"\?\nauthor "ni-ta" is not in content\/authors\/: use one of ni-tao.* Did you mean "ni-tao"\?\nauthor "bob"/,
    );
    await expect(readdir(join(root, 'articles'))).rejects.toThrow(/ENOENT/);
  });

  test('an existing folder is never overwritten, even an empty one', async () => {
    const folder = join(root, 'articles', 'xiaomi-opens-its-second-car-factory');
    await mkdir(folder, { recursive: true });
    await expect(createArticle(root, options, now, 'UTC')).rejects.toThrow(
      'content/articles/xiaomi-opens-its-second-car-factory/ already exists: choose another folder with --slug',
    );
    expect(await readdir(folder)).toEqual([]);
  });

  test('an existing article with the same id is never overwritten', async () => {
    const first = await createArticle(root, options, now, 'UTC');
    const before = await readFile(first.file, 'utf8');
    await expect(
      createArticle(root, { ...options, headline: 'Xiaomi opens its second car factory!' }, now, 'UTC'),
    ).rejects.toThrow(
      /already exists .*choose another with --slug, e\.g\. --slug xiaomi-opens-its-second-car-factory-2/,
    );
    expect(await readFile(first.file, 'utf8')).toBe(before);
  });

  test('a slug another article claims with `slug:` is refused', async () => {
    await mkdir(join(root, 'articles', '2025'), { recursive: true });
    await writeFile(
      join(root, 'articles', '2025', 'older.md'),
      '---\nslug: xiaomi-opens-its-second-car-factory\n---\n',
    );
    await expect(createArticle(root, options, now, 'UTC')).rejects.toThrow(
      'an article with the slug "xiaomi-opens-its-second-car-factory" already exists (content/articles/2025/older.md)',
    );
  });

  test('a headline in Chinese needs --slug, and gets its folder with one', async () => {
    const chinese = { ...options, headline: '小米汽车开设第二工厂' };
    await expect(createArticle(root, chinese, now, 'UTC')).rejects.toThrow(/choose one with --slug/);
    const { file } = await createArticle(root, { ...chinese, slug: 'xiaomi-second-factory' }, now, 'UTC');
    expect(file).toBe(join(root, 'articles', 'xiaomi-second-factory', 'index.md'));
    expect(frontmatterOf(await readFile(file, 'utf8'))['title']).toBe('小米汽车开设第二工厂');
  });

  test('the command prints the new file path, relative to where it runs, and exits 0', async () => {
    const run = io();
    const code = await newArticle(
      ['Xiaomi 小米 opens a factory', '--section=business/auto', '--author', 'ni-tao'],
      run.io,
    );
    expect(code).toBe(0);
    expect(run.out).toEqual([join('articles', 'xiaomi-opens-a-factory', 'index.md')]);
    expect(run.err.join('\n')).toMatch(/note: the URL leaves out 小米/);
    const data = frontmatterOf(await readFile(join(root, run.out[0]!), 'utf8'));
    expect(data['publishedAt']).toBe('2026-11-27T06:12:00+08:00');
  });

  test.each([
    { what: 'no headline', argv: [], env: {}, message: /needs a headline/ },
    {
      what: 'an unknown author',
      argv: ['Headline', '--section', 'business', '--author', 'nobody'],
      env: {},
      message: /use one of ni-tao/,
    },
    {
      what: 'a build clock without an offset',
      argv: ['Headline', '--section', 'business', '--author', 'ni-tao'],
      env: { BROADSHEET_NOW: '2026-11-27T06:12:00' },
      message: /BROADSHEET_NOW="2026-11-27T06:12:00" is not an ISO date-time with an offset/,
    },
  ])('the command exits 2 on $what and says why on stderr', async ({ argv, env, message }) => {
    const run = io(env);
    expect(await newArticle(argv, run.io)).toBe(2);
    expect(run.out).toEqual([]);
    expect(run.err.join('\n')).toMatch(message);
  });

  test('the script wraps the command: path on stdout and exit 0, then exit 2 for the same headline', () => {
    const script = (headline: string) =>
      spawnSync(
        process.execPath,
        [resolve('scripts/new-article.ts'), headline, '--section', 'business', '--author', 'ni-tao'],
        { encoding: 'utf8', env: { ...process.env, BROADSHEET_CONTENT: root, BROADSHEET_NOW: '' } },
      );
    const first = script('Script run');
    expect(first.stderr).toMatch(/^Next:/m);
    expect(first.status).toBe(0);
    expect(first.stdout.trim()).toBe(join(root, 'articles', 'script-run', 'index.md'));
    const second = script('Script run');
    expect(second.status).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(/already exists/);
  }, 30_000); // two runs of the script
});
