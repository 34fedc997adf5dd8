import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFrontmatter as astroFrontmatter } from '@astrojs/markdown-remark';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { articleId, entryInfo, readArticle } from '../../src/lib/article-loader.ts';
import { articleBody, parseFrontmatter, plainFields, splitFrontmatter } from '../../src/lib/frontmatter.ts';
import { indexContent } from '../../src/lib/lint/content-index.ts';
import type { ContentIndex } from '../../src/lib/lint/content-index.ts';
import { articlesWithId } from '../../src/lib/scaffold.ts';
import { random } from '../support/synthetic-text.ts';

/** The loader's data of the article file at `path`, from its text as the sync reads it. */
const readArticleFile = (path: string) => readArticle(path, readFileSync(path, 'utf8'));

/**
 * Every reader of article files (the loader, the linter, the scaffold's slug check) must see the same frontmatter, or an article the linter passes is built with other data.
 * Each case is written to one content folder and read by each of them.
 */
const fields = (slug: string) => `slug: ${slug}-slug\npublishedAt: "2026-01-02T03:04:05+08:00"`;
const cases = [
  { name: 'plain', source: `---\ntitle: Plain\n${fields('plain')}\n---\nBody.\n`, title: 'Plain' },
  {
    name: 'crlf',
    source: `---\r\ntitle: Windows\r\n${fields('crlf').replace('\n', '\r\n')}\r\n---\r\nBody.\r\n`,
    title: 'Windows',
  },
  {
    name: 'dashes-in-title',
    source: `---\ntitle: Wait---\n${fields('dashes-in-title')}\n---\nBody.\n`,
    title: 'Wait---',
  },
  {
    name: 'dashes-in-block',
    source: `---\ntitle: |-\n  One\n  ---\n  Two\n${fields('dashes-in-block')}\n---\nBody.\n`,
    title: 'One\n---\nTwo',
  },
  { name: 'bom', source: `\uFEFF---\ntitle: Marked\n${fields('bom')}\n---\nBody.\n`, title: 'Marked' },
  {
    name: 'fence-spaces',
    source: `--- \ntitle: Spaced\n${fields('fence-spaces')}\n---\t\nBody.\n`,
    title: 'Spaced',
  },
  { name: 'no-body', source: `---\ntitle: Bare\n${fields('no-body')}\n---`, title: 'Bare' },
  {
    name: 'rule-in-body',
    source: `---\ntitle: Ruled\n${fields('rule-in-body')}\n---\nOne.\n\n---\n\nslug: not-this\n`,
    title: 'Ruled',
  },
  { name: 'dated-slug', source: '---\ntitle: Dated\nslug: 2026-01-02\n---\nBody.\n', title: 'Dated' },
  {
    name: 'flow-slug',
    source:
      '---\n{title: Flowing, slug: flow-slug-slug, publishedAt: "2026-01-02T03:04:05+08:00"}\n---\nBody.\n',
    title: 'Flowing',
  },
].map((each) => ({ ...each, file: `${each.name}.md` }));

/** Files whose frontmatter is broken: every reader must refuse them or read nothing from them. */
const broken = [
  { name: 'unclosed', source: `---\ntitle: Open\n${fields('unclosed')}\nBody.\n` },
  { name: 'dots-close', source: `---\ntitle: Dotted\n${fields('dots-close')}\n...\nBody.\n` },
  { name: 'text-after-fence', source: `---\ntitle: Glued\n${fields('text-after-fence')}\n---Body.\n` },
  { name: 'bad-yaml', source: `---\ntitle: [unclosed\n${fields('bad-yaml')}\n---\nBody.\n` },
  { name: 'a-list', source: '---\n- title\n- Listed\n---\nBody.\n' },
  // Markdown emphasis in a field: YAML reads *…* as a reference to a value marked elsewhere.
  { name: 'an-alias', source: `---\ntitle: *Exclusive*\n${fields('an-alias')}\n---\nBody.\n` },
].map((each) => ({ ...each, file: `${each.name}.md` }));

let root = '';
let articles = '';
let index: ContentIndex;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'broadsheet-frontmatter-'));
  articles = join(root, 'articles');
  await mkdir(articles);
  for (const { file, source } of [...cases, ...broken]) await writeFile(join(articles, file), source);
  index = await indexContent(root, new Date('2026-06-01T00:00:00Z'), root);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const linted = (file: string) => index.articles.find((article) => article.file.path.endsWith(file))!;

describe.each(cases)('$name: every reader sees the same fields', ({ file, source, title }) => {
  test('the loader reads the title the editor wrote', () => {
    const data = readArticleFile(join(articles, file));
    delete data['bodyFigures'];
    expect(data['title']).toBe(title);
    expect(linted(file).frontmatter.data).toEqual(data);
    expect(linted(file).frontmatter.errors).toEqual([]);
  });

  test('the glob loader and the scaffold give it the id the linter gives it', async () => {
    const data = readArticleFile(join(articles, file));
    const id = articleId(file, data);
    expect(linted(file).id).toBe(id);
    // The glob loader names an entry from what entryInfo hands it, reading the YAML only for a slug.
    expect(articleId(file, entryInfo(source).data)).toBe(id);
    expect(await articlesWithId(articles, id)).toEqual([file]);
  });

  test('the renderer is handed the body Astro’s own reader gave it', () => {
    // Stored bodies are named by their file's digest: the same file must give the same body.
    const astro = astroFrontmatter(source, { frontmatter: 'empty-with-spaces' }).content.trim();
    expect(entryInfo(source).body).toBe(astro);
  });

  test('the linter’s body rules read the body the renderer is handed, from where it starts in the file', () => {
    const { body, start } = articleBody(source);
    expect(body).toBe(entryInfo(source).body);
    expect(source.slice(start.offset, start.offset + body.length)).toBe(body);
    const before = source.slice(0, start.offset).split('\n');
    expect(start).toMatchObject({ line: before.length, column: before.at(-1)!.length + 1 });
  });
});

describe.each(broken)('$name: no reader takes fields from it', ({ file }) => {
  test('the loader refuses it with the file name, and the linter reports an error', () => {
    expect(() => readArticleFile(join(articles, file))).toThrow(file);
    expect(linted(file).frontmatter.errors).not.toEqual([]);
    expect(linted(file).frontmatter.data).toEqual({});
  });
});

describe('parseFrontmatter', () => {
  test('a * reference is a problem wherever it is, with the fix; a named one and YAML types are fine', () => {
    expect(parseFrontmatter('---\ntitle: *Exclusive* interview\n---\n').errors).toEqual([
      {
        message:
          'put the headline in quotes, for YAML reads a value that starts with * as a reference to another value: `title: "*Exclusive* interview"`',
        line: 2,
        column: 8,
      },
    ]);
    expect(parseFrontmatter('---\ntags: [*new*]\n---\n').errors[0]?.message).toMatch(
      /^put the value that starts with \* in quotes/,
    );
    // A reference to a value that is named is YAML's, and fine; so is one of YAML's own types.
    expect(parseFrontmatter('---\nn: !!str 12\n---\n')).toMatchObject({ data: { n: '12' }, errors: [] });
    expect(parseFrontmatter('---\na: &k 1\nb: *k\n---\n')).toMatchObject({
      data: { a: 1, b: 1 },
      errors: [],
    });
  });
});

describe('a value that starts with a character YAML reads specially', () => {
  test.each([
    ['*Exclusive*', 'reads a value that starts with * as a reference to another value'],
    // YAML would keep "rises" and "story" alone, silently: the headline would lose a word.
    ['&Co rises', 'reads a word that starts with & as a name for what follows it, and keeps only that'],
    [
      '!Important story',
      'reads a word that starts with ! as a type for what follows it, and keeps only that',
    ],
    ['@Home news', 'cannot read a value that starts with @'],
    ['`Tick` talk', 'cannot read a value that starts with `'],
    ['%Rates up', 'cannot read a value that starts with %'],
  ])('title: %s is a problem at its value, with the line to write', (value, reading) => {
    const { data, errors } = parseFrontmatter(`---\nsection: news\ntitle: ${value}\n---\n`);
    expect(data).toEqual({});
    expect(errors).toEqual([
      {
        message: `put the headline in quotes, for YAML ${reading}: \`title: "${value}"\``,
        line: 3,
        column: 8,
      },
    ]);
  });

  test('a # glued to a word is not taken for a comment, which YAML would drop', () => {
    // YAML would publish the headline "Shares up".
    const { data, errors } = parseFrontmatter('---\ntitle: Shares up #1 in the region\n---\n');
    expect(data).toEqual({});
    expect(errors).toEqual([
      {
        message:
          'put the headline in quotes, for YAML reads "#1 in the region" as a comment and drops it: `title: "Shares up #1 in the region"`',
        line: 2,
        column: 8,
      },
    ]);
    expect(parseFrontmatter('---\nstandfirst: "Quoted" #tag\n---\n').errors[0]?.message).toBe(
      'put the whole value in quotes, for YAML reads "#tag" as a comment and drops it',
    );
    // A comment after a space is one, as the new-article template writes them.
    const template = '---\nformat: news # or analysis\ntags: [] # topics\n# a line of its own\n---\n';
    expect(parseFrontmatter(template)).toMatchObject({ data: { format: 'news', tags: [] }, errors: [] });
  });

  test('inside another field, it names the field', () => {
    expect(parseFrontmatter('---\nphoto:\n  alt: &Co staff\n---\n').errors[0]?.message).toMatch(
      /^put the portrait’s alt text in quotes, .*: `alt: "&Co staff"`$/,
    );
  });

  test('a hashtag in a list is one message at the #, with the list to write', () => {
    // YAML reads the rest of the line as a comment and reports a list never closed, on the next line.
    for (const [tags, fix, column] of [
      ['[Markets, #Shipping]', '[Markets, "#Shipping"]', 17],
      ['[#Markets,#Shipping]', '["#Markets", "#Shipping"]', 8],
    ] as const) {
      expect(parseFrontmatter(`---\ntags: ${tags}\ntitle: A\n---\n`).errors).toEqual([
        {
          message: `put each value that starts with # in quotes, for YAML reads a # after a space, [ or , as a comment and drops the rest of the line: \`tags: ${fix}\``,
          line: 2,
          column,
        },
      ]);
    }
    // A comment after the list is one, and another line's mistake gets its own message.
    expect(parseFrontmatter('---\ntags: [Markets] #desk\ntitle: Live: fire\n---\n').errors).toEqual([
      expect.objectContaining({ line: 3, message: expect.stringMatching(/colon/) as unknown }),
    ]);
  });

  test('a value with two of these mistakes gets one message, whose fix mends both', () => {
    const { errors } = parseFrontmatter('---\ntitle: &Co rises on Shares up #1 in the region\n---\n');
    expect(errors).toEqual([
      {
        message:
          'put the headline in quotes, for YAML reads a word that starts with & as a name for what follows it, and keeps only that: `title: "&Co rises on Shares up #1 in the region"`',
        line: 2,
        column: 8,
      },
    ]);
  });
});

describe('entryInfo', () => {
  test('reads no YAML of a file that sets no slug, and all of it of one that does', () => {
    expect(entryInfo('---\ntitle: A\n---\nBody.\n')).toEqual({ data: {}, body: 'Body.' });
    expect(entryInfo('---\ntitle: A\nslug: a-slug\n---\nBody.\n').data).toEqual({
      title: 'A',
      slug: 'a-slug',
    });
    expect(entryInfo("---\n'slug': quoted\n---\n").data).toEqual({ slug: 'quoted' });
    // Wherever the YAML sets it: the id is ours either way (articleId reads data.slug).
    expect(entryInfo('---\n  title: A\n  slug: indented\n---\n').data['slug']).toBe('indented');
    expect(entryInfo('---\n? slug\n: explicit\n---\n').data['slug']).toBe('explicit');
    // A name on a field is refused (parseFrontmatter, below), and names nothing.
    expect(entryInfo('---\n&mark slug: anchored\n---\n').data).toEqual({});
  });

  test('a frontmatter YAML cannot turn into values gives no fields instead of failing the sync', () => {
    // readArticle then refuses the file with the problem and its line (parseFrontmatter below).
    expect(entryInfo('---\nslug: a\ntitle: *Exclusive*\n---\nBody.\n')).toEqual({ data: {}, body: 'Body.' });
  });

  test('a file without frontmatter is all body', () => {
    expect(entryInfo('\nJust a body.\n')).toEqual({ data: {}, body: 'Just a body.' });
  });
});

describe('splitFrontmatter', () => {
  test.each([
    {
      what: 'fields and body',
      source: '---\ntitle: A\n---\nBody.\n',
      split: { yaml: 'title: A', body: 'Body.\n' },
    },
    {
      what: 'Windows line endings',
      source: '---\r\ntitle: A\r\nslug: a\r\n---\r\nBody.\r\n',
      split: { yaml: 'title: A\r\nslug: a', body: 'Body.\r\n' },
    },
    { what: 'no frontmatter', source: 'Just a body.\n', split: 'none' },
    { what: 'a rule after the first line', source: 'Intro.\n---\nMore.\n', split: 'none' },
    { what: 'a blank line before the fence', source: '\n---\ntitle: A\n---\n', split: 'none' },
    { what: 'no body', source: '---\ntitle: A\n---', split: { yaml: 'title: A', body: '' } },
    { what: 'empty frontmatter', source: '---\n---\nBody.\n', split: { yaml: '', body: 'Body.\n' } },
    {
      what: 'a thematic break later in the body',
      source: '---\ntitle: A\n---\nOne.\n\n---\n\nTwo.\n',
      split: { yaml: 'title: A', body: 'One.\n\n---\n\nTwo.\n' },
    },
    { what: 'four dashes, which do not close', source: '---\ntitle: A\n----\n', split: 'unclosed' },
    { what: 'a YAML document end, which does not close', source: '---\ntitle: A\n...\n', split: 'unclosed' },
  ])('$what', ({ source, split }) => {
    expect(splitFrontmatter(source)).toEqual(split);
  });
});

// Where the body starts in its file, so that the linter's body rules say a place in the body as a
// place in the file.
describe('articleBody', () => {
  test.each([
    {
      what: 'after the fields',
      source: '---\ntitle: A\n---\nBody.\n',
      start: { line: 4, column: 1, offset: 17 },
    },
    {
      what: 'after blank lines and spaces',
      source: '---\ntitle: A\n---\n\n\n  Body.\n',
      start: { line: 6, column: 3, offset: 21 },
    },
    {
      what: 'Windows line endings',
      source: '---\r\ntitle: A\r\n---\r\nBody.\r\n',
      start: { line: 4, column: 1, offset: 20 },
    },
    { what: 'no frontmatter', source: '\nBody.\n', start: { line: 2, column: 1, offset: 1 } },
  ])('$what', ({ source, start }) => {
    expect(articleBody(source)).toEqual({ body: 'Body.', start });
  });
});

describe('parseFrontmatter', () => {
  test.each([
    {
      what: 'no closing fence',
      source: '---\ntitle: A\n',
      error: { line: 1, message: /no closing --- line/ },
    },
    {
      what: 'broken YAML',
      source: '---\ntitle: A\nslug: [b\n---\n',
      error: { line: 3, message: /not valid YAML/ },
    },
    {
      what: 'a list instead of fields',
      source: '---\n- A\n---\n',
      error: { line: 2, message: /must be fields/ },
    },
  ])('$what is an error at line $error.line, with no fields', ({ source, error }) => {
    const { data, errors } = parseFrontmatter(source);
    expect(data).toEqual({});
    expect(errors).toEqual([
      {
        line: error.line,
        column: expect.any(Number) as unknown,
        message: expect.stringMatching(error.message) as unknown,
      },
    ]);
  });

  test.each([
    {
      what: 'a headline with a colon',
      source: '---\ntitle: Breaking: fire at the port\nslug: a\n---\n',
      error: { line: 2, column: 8 },
      message:
        'put the headline in quotes, for YAML reads a colon in it as the start of another field: `title: "Breaking: fire at the port"`',
    },
    {
      what: 'a headline with two colons',
      source: '---\ntitle: Live: fire: at the port\n---\n',
      error: { line: 2, column: 8 },
      message:
        'put the headline in quotes, for YAML reads a colon in it as the start of another field: `title: "Live: fire: at the port"`',
    },
    {
      what: 'a caption with a colon and double quotes',
      source: '---\ntitle: A\nhero:\n  src: ./a.jpg\n  caption: The "Port": on fire\n---\n',
      error: { line: 5, column: 12 },
      message: `put the hero photo’s caption in quotes, for YAML reads a colon in it as the start of another field: \`caption: 'The "Port": on fire'\``,
    },
    {
      what: 'a correction with a colon',
      source:
        '---\ntitle: A\ncorrections:\n  - date: "2026-01-02T03:04:05+08:00"\n    text: Fixed: the price\n---\n',
      error: { line: 5, column: 11 },
      message:
        'put the text in quotes, for YAML reads a colon in it as the start of another field: `text: "Fixed: the price"`',
    },
    {
      what: 'an unclosed quote that a later quote seems to close',
      source:
        '---\ntitle: A\nstandfirst: "One sentence.\nslug: a\npublishedAt: "2026-01-02T03:04:05+08:00"\n---\n',
      error: { line: 3, column: 13 },
      message:
        'the quote that opens here is never closed: add the closing " at the end of the line: `standfirst: "One sentence."`',
    },
  ])('$what is one error where the editor fixes it, saying how', ({ source, error, message }) => {
    const { data, errors } = parseFrontmatter(source);
    expect(data).toEqual({});
    expect(errors).toEqual([{ ...error, message }]);
  });

  test('the loader refuses such a file with the same words', async () => {
    const file = join(articles, 'colon.md');
    await writeFile(file, '---\ntitle: Breaking: fire at the port\n---\nBody.\n');
    expect(() => readArticleFile(file)).toThrow(`${file}:2:8: put the headline in quotes`);
  });

  test('a field is placed at its line in the file, a missing one at its nearest parent', () => {
    const { position } = parseFrontmatter('---\ntitle: A\nhero:\n  src: ./a.jpg\n---\n');
    expect(position(['title'])).toEqual({ line: 2, column: 8 });
    expect(position(['hero', 'src'])).toEqual({ line: 4, column: 8 });
    expect(position(['hero', 'credit'])).toEqual({ line: 4, column: 3 });
  });

  test('timestamps stay the text the editor wrote', () => {
    expect(parseFrontmatter('---\npublishedAt: 2025-03-03T09:00:00\n---\n').data).toEqual({
      publishedAt: '2025-03-03T09:00:00',
    });
  });
});

describe('plainFields', () => {
  // Frontmatter lines mixing what it reads with what only YAML's parser may read.
  const keys = ['title', 'tags', 'a-b', 'x_1', 'constructor', 'true', 'Null', 'A', '1a', '_x'];
  const separators = [': ', ':  ', ':', ' : ', ':\t'];
  const values = [
    ...['"plain"', '"with # hash"', '"colon: inside"', '"&amp *star !bang @at"', '"é ü 中文"', '""'],
    ...['"tab\there"', '"back\\\\slash"', '"quote\\"d"', '"x"  ', '"a" # c', '"\u2028"', '"\u0085"'],
    ...['[]', '["a", "b"]', '["a","b" ]', '[ "a" ,"b"]', '["a",]', '[a, b]', '["a" "b"]', '[ ]'],
    ...['business', 'two words', 'two  spaces', 'true', 'false', 'True', 'FALSE', 'null', '~', 'yes'],
    ...['2026-01-01', 'v1.2', 'a/b', '-x', 'x-', '.inf', 'a: b', "'single'", '*ref', '&anchor x'],
    ...['!tag x', '@at', '`tick`', '%pc', 'x #c', '"a"b', 'a"b"', '1', '0', '01', '-1', '+1', '1.5', '1e3'],
    ...['12345678901234567890', '2 words', '0x1F', '1_000', './a.jpg', '../b.png', '.5', '.inf x', '/abs'],
    ...[
      '[ni-tao]',
      '[Xiaomi, Electric vehicles]',
      '[a, True]',
      '[a, 1]',
      '[a,b]',
      '[ a , b ]',
      '[a b]',
      '[a, "b"]',
    ],
    ...[
      'news # or analysis: see',
      'news #or',
      '"x" # c',
      '"x"  #',
      '[] # topics, e.g. [a, b]',
      'x # c # d',
      'x#c',
    ],
  ];
  const lines: (string | null)[] = [
    ...[
      '',
      '# a comment',
      '#',
      '#no space',
      ' # indented',
      '- item',
      'hero:',
      'hero:',
      'series:',
      'hero: ',
      'hero:  # c',
    ],
    ...['  alt: "x"', '  part: 1', '  caption: Words here.', '   deep: x', '  - item', '    more: "y"'],
    ...['  alt: "x"', '  part: 2', '  id: bench-series-01', '\talt: x', '  alt:', '  title: "dup"'],
    ...Array<null>(40).fill(null),
  ];
  const yamlOf = (next: () => number) =>
    Array.from({ length: 1 + Math.floor(next() * 5) }, () => {
      const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
      // A null draws a generated field line.
      const line = lines[Math.floor(next() * lines.length)];
      return line ?? `${pick(keys)}${next() < 0.7 ? ': ' : pick(separators)}${pick(values)}`;
    }).join('\n');

  test('reads 10,000 generated frontmatters as YAML reads them, or leaves them to YAML', () => {
    const next = random(11);
    let read = 0;
    for (let round = 0; round < 10_000; round++) {
      const yaml = yamlOf(next);
      const fields = plainFields(yaml);
      if (fields === undefined) continue;
      read++;
      const document = parseDocument(yaml, { schema: 'core' });
      expect(document.errors, yaml).toEqual([]);
      expect(fields, yaml).toEqual(document.toJS());
      expect(parseFrontmatter(`---\n${yaml}\n---\n`).errors, yaml).toEqual([]);
    }
    expect(read).toBeGreaterThan(200);
  });

  test('reads the fields the bench corpus and the template write, and a field’s place is still found', () => {
    const source =
      '---\ntitle: "A: b"\nsection: business\ntags: ["One", "Two"]\ndraft: true\nhero:\n  src: ./a.jpg\n  alt: A photo.\nseries:\n  part: 2\n---\nBody.\n';
    const split = splitFrontmatter(source);
    expect(typeof split === 'string' ? undefined : plainFields(split.yaml)).toEqual({
      title: 'A: b',
      section: 'business',
      tags: ['One', 'Two'],
      draft: true,
      hero: { src: './a.jpg', alt: 'A photo.' },
      series: { part: 2 },
    });
    const frontmatter = parseFrontmatter(source);
    expect(frontmatter.position(['tags', 1])).toEqual({ line: 4, column: 15 });
    expect(frontmatter.keyPosition(['draft'])).toEqual({ line: 5, column: 1 });
    expect(frontmatter.position(['hero', 'alt'])).toEqual({ line: 8, column: 8 });
  });
});
