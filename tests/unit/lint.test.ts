import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { standfirstPlaceholder } from '../../src/lib/article-template.ts';
import { cacheDirFor } from '../../src/lib/env.ts';
import { bodyDigest } from '../../src/lib/lint/body-facts.ts';
import { lintContent } from '../../src/lib/lint/index.ts';
import { inlineRenderer } from '../../src/markdown/render.ts';

/** The content linter on a small newsroom of its own, written fresh for each test. */
const now = new Date('2026-01-15T12:00:00+08:00');
let root = '';

const article = (publishedAt: string, draft = false) =>
  `---\ntitle: A headline\nstandfirst: One sentence.\nsection: business\nauthors: [ni-tao]\npublishedAt: "${publishedAt}"\n${draft ? 'draft: true\n' : ''}---\n\nText.\n`;

async function write(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'broadsheet-lint-'));
  await write({
    'sections/business.yaml': 'name: Business\ndescription: Companies.\n',
    'authors/ni-tao.yaml': 'name: Ni Tao\nrole: Contributor\nbio: Writes.\n',
  });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

// A cold build's check reads the bodies its sync rendered through the facts the renderer found in
// them (src/lib/lint/body-facts.ts), rather than parse each again.
describe('the check on the facts the renderer found in a body', () => {
  test('says exactly what it says when it parses the body itself', async () => {
    const body = [
      'A "quote, the the same word and TODO.',
      '![](./missing.jpg)',
      'A link to [nowhere](/articles/nowhere/).',
      '| Figure | 1,00,000 |\n| --- | --- |\n| XXX | b |',
      '<iframe src="https://unknown.example/x"></iframe>',
    ].join('\n\n');
    await write({ 'articles/story.md': article('2026-01-02T03:04:05+08:00').replace('Text.', body) });
    const parsed = await lintContent(root, now, root);
    // No lint cache: the second check reads the body again, from the renderer's facts.
    await rm(cacheDirFor(root, root), { recursive: true, force: true });
    const render = await inlineRenderer({ ...markdownConfigDefaults, syntaxHighlight: false });
    const { facts } = await render(body, join(root, 'articles/story.md'));
    const fromRenderer = await lintContent(root, now, root, undefined, new Map([[bodyDigest(body), facts]]));
    expect([parsed.renderedBodies, fromRenderer.renderedBodies, fromRenderer.checkedFiles]).toEqual([
      0, 1, 1,
    ]);
    expect(new Set(parsed.diagnostics.map(({ rule }) => rule))).toEqual(
      new Set([
        'unbalanced-punctuation',
        'repeated-word',
        'placeholder',
        'body-photo',
        'photo-credit',
        'article-link',
        'malformed-number',
        'embed',
      ]),
    );
    expect(fromRenderer.diagnostics).toEqual(parsed.diagnostics);
  });
});

describe('a static page named like a section or a site URL', () => {
  test.each([
    { page: 'business', clash: /the section "business"/ },
    { page: 'search', clash: /the site’s own/ },
    { page: 'articles', clash: /the site’s own/ },
  ])('a page called $page is an error on its first line that says to rename it', async ({ page, clash }) => {
    await write({ [`pages/${page}.md`]: '---\ntitle: A page\ndescription: About it.\n---\n\nText.\n' });
    const { diagnostics, errors } = await lintContent(root, now, root);
    expect(errors).toBe(1);
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: `pages/${page}.md`, line: 1, column: 1, severity: 'error' }),
    ]);
    expect(diagnostics[0]?.message).toMatch(clash);
    expect(diagnostics[0]?.message).toMatch(new RegExp(`rename content/pages/${page}\\.md`));
  });

  test('a page with a name of its own is fine', async () => {
    await write({ 'pages/about.md': '---\ntitle: About\ndescription: Who we are.\n---\n\nText.\n' });
    expect((await lintContent(root, now, root)).diagnostics).toEqual([]);
  });
});

describe('what the linter counts as published and scheduled', () => {
  test('it follows the build’s gating rule, to the second', async () => {
    await write({
      'articles/past.md': article('2026-01-15T11:59:59+08:00'),
      'articles/now.md': article('2026-01-15T12:00:00+08:00'),
      'articles/soon.md': article('2026-01-15T12:00:01+08:00'),
      'articles/later.md': article('2026-02-01T09:00:00+08:00'),
      'articles/draft.md': article('2026-01-01T09:00:00+08:00', true),
      'articles/future-draft.md': article('2026-03-01T09:00:00+08:00', true),
    });
    const result = await lintContent(root, now, root);
    expect(result.errors).toBe(0);
    expect(result.published).toBe(2);
    expect(result.drafts).toBe(2);
    expect(result.scheduled.map((each) => each.id)).toEqual(['soon', 'later']);
  });

  // The build publishes no file in a hidden folder (src/lib/article-files.ts), as Astro's glob
  // loader did not; the linter counted one, and the count check then stopped a sound build.
  test('the files the build publishes: none in a hidden folder or hidden itself, broken or not', async () => {
    await write({
      'articles/shown.md': article('2026-01-01T09:00:00+08:00'),
      'articles/.trash/old-copy.md': article('2026-01-01T09:00:00+08:00'),
      'articles/2026/.backup/broken.md': '---\ntitle: [unclosed\n---\n',
      'articles/.shown.md': article('2026-01-01T09:00:00+08:00'),
      'pages/.draft/about.md': '---\ntitle: [unclosed\n---\n',
      'authors/.old/ni-tao.yaml': 'name: [unclosed\n',
    });
    const result = await lintContent(root, now, root);
    expect(result.diagnostics).toEqual([]);
    expect(result.published).toBe(1);
    expect(result.articles.map((each) => each.file)).toEqual(['articles/shown.md']);
  });
});

describe('an article whose frontmatter cannot be read', () => {
  test.each([
    {
      what: 'an unclosed quote',
      text: article('2026-01-01T09:00:00+08:00').replace('title: A headline', 'title: "A headline'),
      line: 2,
      message: /the quote that opens here is never closed/,
    },
    {
      what: 'no closing fence',
      text: article('2026-01-01T09:00:00+08:00').replace('---\n\nText', '\nText'),
      line: 1,
      message: /no closing --- line/,
    },
  ])('$what gets one error, at line $line, and no schema errors on top', async ({ text, line, message }) => {
    await write({ 'articles/broken.md': text });
    const { diagnostics } = await lintContent(root, now, root);
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'articles/broken.md', line, rule: 'yaml-syntax', severity: 'error' }),
    ]);
    expect(diagnostics[0]?.message).toMatch(message);
  });

  test('a page with such frontmatter gets the same error', async () => {
    await write({ 'pages/about.md': '---\ntitle: About\ndescription: Who we are.\n\nText.\n' });
    const { diagnostics } = await lintContent(root, now, root);
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'pages/about.md', line: 1, rule: 'yaml-syntax' }),
    ]);
  });
});

/** An article in business by ni-tao: the given frontmatter lines (title and standfirst unless replaced), then `body`. */
function articleWith(lines: string[], body = 'Text.') {
  const fields = new Map([
    ['title', 'title: A headline'],
    ['standfirst', 'standfirst: One sentence.'],
    ['section', 'section: business'],
    ['authors', 'authors: [ni-tao]'],
    ['publishedAt', 'publishedAt: "2026-01-02T09:00:00+08:00"'],
  ]);
  for (const line of lines) fields.set(line.split(':')[0] ?? line, line);
  return `---\n${[...fields.values()].join('\n')}\n---\n\n${body}\n`;
}

/** The diagnostics of one article, written as articles/x.md (with a photo beside it). */
async function diagnosticsOf(text: string) {
  await write({ 'articles/x.md': text, 'articles/photo.jpg': '' });
  return (await lintContent(root, now, root)).diagnostics.filter((each) => each.rule !== 'photo-file');
}

const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((line) => line.includes(needle)) + 1;

/** How a message names each field the text rules check (in words, as every lint message does). */
const fieldLabel: Record<string, string> = {
  title: 'the headline',
  standfirst: 'the standfirst',
  editorsNote: 'the editor’s note',
  'hero.caption': 'the hero photo’s caption',
  'corrections.0.text': 'the first correction’s text',
  body: 'body',
};

describe('a malformed number is an error wherever readers would see it', () => {
  test.each([
    { field: 'title', text: articleWith(['title: Xiaomi takes 814,9f00 orders']) },
    { field: 'standfirst', text: articleWith(['standfirst: >-\n  Xiaomi took\n  814,9f00 orders.']) },
    {
      field: 'hero.caption',
      text: articleWith([
        'hero:\n  src: ./photo.jpg\n  alt: A car\n  caption: 814,9f00 orders\n  credit: Agency',
      ]),
    },
    { field: 'body', text: articleWith([], 'The first paragraph.\n\nXiaomi took\nsome 814,9f00 orders.') },
  ])('in the $field, at its line, saying what to do and how to keep it', async ({ field, text }) => {
    const diagnostics = await diagnosticsOf(text);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'articles/x.md',
        line: lineOf(text, field === 'body' ? '814,9f00' : `${field.split('.').at(-1) ?? ''}:`),
        rule: 'malformed-number',
        severity: 'error',
      }),
    ]);
    const [{ message } = { message: '' }] = diagnostics;
    expect(message).toMatch(
      new RegExp(
        `^${fieldLabel[field]!}: "814,9f00" is not a well-formed number: check the digits and commas`,
      ),
    );
    expect(message).toContain('allow: ["814,9f00"]');
  });

  test('in the body, the column is that of the number', async () => {
    const text = articleWith([], 'Xiaomi took\nsome 814,9f00 orders.');
    expect(await diagnosticsOf(text)).toEqual([
      expect.objectContaining({ line: lineOf(text, 'some 814'), column: 6, severity: 'error' }),
    ]);
  });

  test('a correction may quote the number it corrects', async () => {
    const correction =
      'corrections:\n  - date: "2026-01-03T09:00:00+08:00"\n    text: The price was not 814,9f00 yuan.';
    expect(await diagnosticsOf(articleWith([correction, 'updatedAt: "2026-01-03T09:00:00+08:00"']))).toEqual(
      [],
    );
  });

  test('a draft is not checked until it is ready', async () => {
    expect(await diagnosticsOf(articleWith(['draft: true'], 'Some 814,9f00 orders.'))).toEqual([]);
  });

  test('an embargoed article is checked: it will publish on its own', async () => {
    const text = articleWith(['publishedAt: "2026-06-01T09:00:00+08:00"'], 'Some 814,9f00 orders.');
    expect(await diagnosticsOf(text)).toEqual([
      expect.objectContaining({ rule: 'malformed-number', severity: 'error' }),
    ]);
  });
});

describe('a placeholder left in the text is an error', () => {
  test.each([
    { field: 'title', placeholder: 'TK', text: articleWith(['title: Xiaomi opens TK factories']) },
    {
      field: 'standfirst',
      placeholder: 'TODO',
      text: articleWith([`standfirst: "${standfirstPlaceholder}"`]),
    },
    { field: 'editorsNote', placeholder: 'XXX', text: articleWith(['editorsNote: Part XXX of the series.']) },
    {
      field: 'hero.caption',
      placeholder: 'Lorem ipsum',
      text: articleWith([
        'hero:\n  src: ./photo.jpg\n  alt: A car\n  caption: Lorem ipsum dolor.\n  credit: Agency',
      ]),
    },
    {
      field: 'corrections.0.text',
      placeholder: 'TK',
      text: articleWith([
        'updatedAt: "2026-01-03T09:00:00+08:00"',
        'corrections:\n  - date: "2026-01-03T09:00:00+08:00"\n    text: The price was TK.',
      ]),
    },
    { field: 'body', placeholder: 'TK', text: articleWith([], 'Sales rose TK per cent.') },
    {
      field: 'body',
      placeholder: 'XXX',
      text: articleWith([], '![A car](./photo.jpg "The XXX model. Credit: Agency")'),
    },
  ])('$placeholder in the $field, at its line', async ({ field, placeholder, text }) => {
    const diagnostics = await diagnosticsOf(text);
    const needle = field === 'body' ? placeholder : `${field.split('.').at(-1) ?? ''}:`;
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: lineOf(text, needle), rule: 'placeholder', severity: 'error' }),
    ]);
    const [{ message } = { message: '' }] = diagnostics;
    expect(message).toMatch(
      new RegExp(`^${fieldLabel[field]!}: "${placeholder}" is a placeholder: write the real text`),
    );
    expect(message).toContain(`allow: ["${placeholder}"]`);
  });
});

describe('`allow:` accepts a flagged text the editor means as written', () => {
  test.each([
    { what: 'the exact number', allow: 'allow: ["814,9f00"]', body: 'Its code name is 814,9f00.' },
    {
      what: 'a name around a placeholder word',
      allow: 'allow: [TK Elevator]',
      body: 'Shares in TK Elevator rose.',
    },
    { what: 'a roman numeral', allow: 'allow: [Super Bowl XXX]', body: 'It aired during Super Bowl XXX.' },
  ])('$what', async ({ allow, body }) => {
    expect(await diagnosticsOf(articleWith([allow], body))).toEqual([]);
  });

  test('in the frontmatter too', async () => {
    expect(await diagnosticsOf(articleWith(['allow: [TK Elevator]', 'title: TK Elevator is sold']))).toEqual(
      [],
    );
  });

  test('only where the accepted text stands: the same word elsewhere is still an error', async () => {
    const text = articleWith(['allow: [TK Elevator]'], 'Shares in TK Elevator rose TK per cent.');
    expect(await diagnosticsOf(text)).toEqual([
      expect.objectContaining({
        rule: 'placeholder',
        column: 28,
        message: expect.stringContaining('"TK"') as unknown,
      }),
    ]);
  });
});

describe('an `allow:` entry that no longer accepts anything is a warning, so they do not pile up', () => {
  test.each([
    {
      what: 'a text the article no longer has',
      allow: 'allow:\n  - TK Elevator\n  - 814,9f00',
      body: 'Shares in TK Elevator rose.',
      entry: '814,9f00',
    },
    {
      what: 'a number since corrected to a well-formed one',
      allow: 'allow: ["814,900"]',
      body: 'Xiaomi took 814,900 orders.',
      entry: '814,900',
    },
    {
      what: 'a text around no placeholder',
      allow: 'allow: [Super Bowl]',
      body: 'It aired during Super Bowl XXX.',
      entry: 'Super Bowl',
    },
  ])('$what: at the line of the entry, saying to remove it', async ({ allow, body, entry }) => {
    const text = articleWith([allow], body);
    const stale = (await diagnosticsOf(text)).filter((each) => each.rule === 'stale-allow');
    expect(stale).toEqual([
      expect.objectContaining({
        file: 'articles/x.md',
        line: lineOf(text, entry),
        severity: 'warning',
      }),
    ]);
    expect(stale[0]?.message).toMatch(/^the (second|first) text accepted as written \(allow\): /);
    expect(stale[0]?.message).toContain(`"${entry}"`);
    expect(stale[0]?.message).toMatch(/remove it from allow/);
  });

  test('the warning alone: the text it once accepted is not flagged, the build goes on', async () => {
    const text = articleWith(['allow: [Super Bowl]'], 'It aired during Super Bowl XXX.');
    const diagnostics = await diagnosticsOf(text);
    expect(diagnostics.map((each) => each.rule)).toEqual(['stale-allow', 'placeholder']);
    const result = await lintContent(root, now, root);
    expect(result.warnings).toBe(1);
  });

  test('an entry that accepts a text in a correction or a caption is in use', async () => {
    const correction =
      'corrections:\n  - date: "2026-01-03T09:00:00+08:00"\n    text: The TK Elevator figure was wrong.';
    const text = articleWith(
      ['allow: [TK Elevator]', correction, 'updatedAt: "2026-01-03T09:00:00+08:00"'],
      'Text.',
    );
    expect(await diagnosticsOf(text)).toEqual([]);
  });

  test('a draft is not checked until it is ready', async () => {
    expect(await diagnosticsOf(articleWith(['draft: true', 'allow: ["814,9f00"]']))).toEqual([]);
  });
});

describe('photos whose original has no credit', () => {
  test.each([
    {
      what: 'a body photo without a credit',
      text: articleWith([], '![A car](./photo.jpg "A car.")'),
      warnings: 1,
    },
    {
      what: 'a body photo with `Credit: none`',
      text: articleWith([], '![A car](./photo.jpg "A car. Credit: none")'),
      warnings: 0,
    },
    {
      what: 'a body photo with only `Credit: none`',
      text: articleWith([], '![A car](./photo.jpg "Credit: None")'),
      warnings: 0,
    },
    {
      what: 'a lead photo without a credit',
      text: articleWith(['hero:\n  src: ./photo.jpg\n  alt: A car']),
      warnings: 1,
    },
    {
      what: 'a lead photo with `credit: none`',
      text: articleWith(['hero:\n  src: ./photo.jpg\n  alt: A car\n  credit: none']),
      warnings: 0,
    },
  ])('$what: $warnings warnings', async ({ text, warnings }) => {
    const diagnostics = await diagnosticsOf(text);
    expect(diagnostics).toHaveLength(warnings);
    for (const each of diagnostics) {
      expect(each).toMatchObject({ rule: 'photo-credit', severity: 'warning' });
      expect(each.message).toMatch(/none/);
    }
  });
});

describe('a correction needs an updatedAt at least as late', () => {
  const correction = (date: string) =>
    `corrections:\n  - date: "${date}"\n    text: An earlier version misspelt a name.`;

  test.each([
    { what: 'updatedAt equal to the correction', updated: '2026-01-03T09:00:00+08:00' },
    { what: 'updatedAt after it', updated: '2026-01-04T09:00:00+08:00' },
    { what: 'the same moment in another offset', updated: '2026-01-03T01:00:00Z' },
  ])('$what is fine', async ({ updated }) => {
    expect(
      await diagnosticsOf(articleWith([`updatedAt: "${updated}"`, correction('2026-01-03T09:00:00+08:00')])),
    ).toEqual([]);
  });

  test('a correction later than updatedAt is an error at updatedAt that gives the line to write', async () => {
    const text = articleWith([
      'updatedAt: "2026-01-03T09:00:00+08:00"',
      `corrections:\n  - date: "2026-01-03T09:00:00+08:00"\n    text: First.\n  - date: "2026-01-05T18:30:00+08:00"\n    text: Second.`,
    ]);
    const diagnostics = await diagnosticsOf(text);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        line: lineOf(text, 'updatedAt:'),
        rule: 'correction-update',
        severity: 'error',
      }),
    ]);
    expect(diagnostics[0]?.message).toMatch(/^updatedAt: /);
    expect(diagnostics[0]?.message).toContain('2026-01-05T18:30:00+08:00');
    expect(diagnostics[0]?.message).toContain('updatedAt: "2026-01-05T18:30:00+08:00"');
  });

  test('a correction without updatedAt is an error at the correction that gives the line to add', async () => {
    const text = articleWith([correction('2026-01-03T09:00:00+08:00')]);
    const diagnostics = await diagnosticsOf(text);
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: lineOf(text, 'date:'), rule: 'correction-update', severity: 'error' }),
    ]);
    expect(diagnostics[0]?.message).toMatch(/^updatedAt: /);
    expect(diagnostics[0]?.message).toContain('updatedAt: "2026-01-03T09:00:00+08:00"');
  });

  test('dates the schema refuses are left to the schema', async () => {
    const diagnostics = await diagnosticsOf(
      articleWith(['updatedAt: "2026-01-02"', correction('2026-01-03T09:00:00+08:00')]),
    );
    expect(diagnostics.map((each) => each.rule)).toEqual(['schema']);
  });
});

/** One article file with `fields` as its frontmatter lines and `body` after it. */
const withFields = (fields: string[], body = 'Text.') => `---\n${fields.join('\n')}\n---\n\n${body}\n`;
const validFields = [
  'title: A headline',
  'standfirst: One sentence.',
  'section: business',
  'authors: [ni-tao]',
  'publishedAt: "2026-01-01T09:00:00+08:00"',
];

describe('one mistake, one message, on the line to fix', () => {
  test('a headline with a colon is one error on its line, saying to quote it and showing how', async () => {
    await write({
      'articles/colon.md': withFields(['title: Breaking: fire at the port', ...validFields.slice(1)]),
    });
    const { diagnostics } = await lintContent(root, now, root);
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'articles/colon.md', line: 2, rule: 'yaml-syntax', severity: 'error' }),
    ]);
    expect(diagnostics[0]?.message).toContain('put the headline in quotes');
    expect(diagnostics[0]?.message).toContain('`title: "Breaking: fire at the port"`');
  });

  test('an author file with a colon in a value gets the same one error, on its line', async () => {
    await write({ 'authors/li-wei.yaml': 'name: Li Wei\nrole: Reporter: business\nbio: Writes.\n' });
    const { diagnostics } = await lintContent(root, now, root);
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'authors/li-wei.yaml', line: 2, column: 7, rule: 'yaml-syntax' }),
    ]);
    expect(diagnostics[0]?.message).toContain('put the role in quotes');
    expect(diagnostics[0]?.message).toContain('`role: "Reporter: business"`');
  });

  test('an unclosed quote is reported where it opens, not where YAML gives up', async () => {
    await write({
      'articles/quote.md': withFields([
        'title: A headline',
        'standfirst: "One sentence.',
        ...validFields.slice(2),
        'tags: [Port]',
      ]),
    });
    const { diagnostics } = await lintContent(root, now, root);
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'articles/quote.md', line: 3, column: 13, rule: 'yaml-syntax' }),
    ]);
    expect(diagnostics[0]?.message).toMatch(/closing " /);
  });

  test('a field the article does not have is an error naming the one it is likely a typo of', async () => {
    // `darft: true` would publish the draft: the build's gating reads `draft`, which is absent.
    await write({
      'articles/typo.md': withFields([...validFields, 'darft: true', 'kicker: Exclusive']),
    });
    const { diagnostics } = await lintContent(root, now, root);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'articles/typo.md',
        line: 7,
        column: 1,
        rule: 'unknown-field',
        severity: 'error',
        message: 'an article has no field `darft`, so it would be ignored: did you mean `draft`?',
      }),
      expect.objectContaining({
        line: 8,
        rule: 'unknown-field',
        message: expect.stringMatching(
          /^an article has no field `kicker`, so it would be ignored: remove it, or use one of title, standfirst, .*, draft, /,
        ) as unknown,
      }),
    ]);
  });

  test('a field a photo, a series or a correction does not have is an error too', async () => {
    await write({
      'articles/nested.md': withFields([
        ...validFields,
        'updatedAt: "2026-01-02T09:00:00+08:00"',
        'series:',
        '  id: port',
        '  prat: 1',
        'corrections:',
        '  - date: "2026-01-02T09:00:00+08:00"',
        '    text: Fixed.',
        '    author: the desk',
      ]),
    });
    const { diagnostics } = await lintContent(root, now, root);
    const unknown = diagnostics.filter((each) => each.rule === 'unknown-field');
    expect(unknown.map(({ line, column, message }) => ({ line, column, message }))).toEqual([
      {
        line: 10,
        column: 3,
        message: 'the series has no field `prat`, so it would be ignored: did you mean `part`?',
      },
      {
        line: 14,
        column: 5,
        message:
          'the first correction has no field `author`, so it would be ignored: remove it, or use one of date, text',
      },
    ]);
  });

  test('a field an author, a section or a page does not have is an error at its line', async () => {
    await write({
      'authors/li-wei.yaml': 'name: Li Wei\nrole: Reporter\nbio: Writes.\nemial: li@example.com\n',
      'sections/sport.yaml': 'name: Sport\ndescription: Games.\nordre: 2\n',
      'pages/about.md':
        '---\ntitle: About\ndescription: Who we are.\nfooter: true\nmenu: main\n---\n\nText.\n',
    });
    const { diagnostics } = await lintContent(root, now, root);
    expect(
      diagnostics.map(({ file, line, column, rule, message }) => ({ file, line, column, rule, message })),
    ).toEqual([
      {
        file: 'authors/li-wei.yaml',
        line: 4,
        column: 1,
        rule: 'unknown-field',
        message: expect.stringMatching(
          /^an author has no field `emial`, so it would be ignored: remove it, or use one of name, role, bio, /,
        ) as unknown,
      },
      {
        file: 'pages/about.md',
        line: 5,
        column: 1,
        rule: 'unknown-field',
        message: expect.stringMatching(
          /^a page has no field `menu`, so it would be ignored: remove it, or use one of title, description, /,
        ) as unknown,
      },
      {
        file: 'sections/sport.yaml',
        line: 3,
        column: 1,
        rule: 'unknown-field',
        message: 'a section has no field `ordre`, so it would be ignored: did you mean `order`?',
      },
    ]);
  });

  test('an unknown author says which file to create and what to put in it', async () => {
    await write({
      'articles/a.md': withFields([...validFields.slice(0, 3), 'authors: [ni-tao, li-wei]', validFields[4]!]),
    });
    const { diagnostics } = await lintContent(root, now, root);
    expect(diagnostics.map((each) => each.message)).toEqual([
      'the second author: author "li-wei" is not in content/authors/: use one of ni-tao, or create `content/authors/li-wei.yaml` with `name: Li Wei` / `role: ...` / `bio: ...`',
    ]);
  });

  test('fields are named in words', async () => {
    await write({
      'articles/a.md': withFields([
        ...validFields,
        'tags: [Port, " "]',
        'hero:',
        '  src: https://example.com/port.jpg',
        '  alt: ""',
        '  credit: Agency',
      ]),
      'pages/about.md': '---\ntitle: ""\ndescription: Who we are.\n---\n\nText.\n',
    });
    const { diagnostics } = await lintContent(root, now, root);
    expect(diagnostics.map((each) => each.message.replace(/:.*/, ''))).toEqual([
      'the second tag',
      'the hero photo’s alt text',
      'the title',
    ]);
  });

  test.each([
    {
      where: 'the hero',
      fields: ['hero:', '  src: ./lead-foto.jpg', '  alt: A port', '  credit: Agency'],
      body: 'Text.',
    },
    { where: 'the body', fields: [], body: '![A port](./lead-foto.jpg "Credit: Agency")' },
  ])(
    'a photo missing from $where suggests the closest photo beside the article',
    async ({ fields, body }) => {
      await write({
        'articles/lead-photo.jpg': 'not read here',
        'articles/other.png': 'not read here',
        'articles/a.md': withFields([...validFields, ...fields], body),
      });
      const { diagnostics } = await lintContent(root, now, root);
      const missing = diagnostics.filter((each) => each.message.includes('does not exist'));
      expect(missing).toHaveLength(1);
      expect(missing[0]?.message).toMatch(
        /photo "\.\/lead-foto\.jpg" does not exist next to the (file|article)/,
      );
      expect(missing[0]?.message).toMatch(/Did you mean "\.\/lead-photo\.jpg"\?$/);
    },
  );
});

describe('old addresses (redirectFrom) and takedowns (content/removed.yaml)', () => {
  const errorsOf = async (files: Record<string, string>) => {
    await write(files);
    const { diagnostics } = await lintContent(root, now, root);
    return diagnostics.filter((each) => each.severity === 'error');
  };

  test('an article may take old slugs and paths that nothing else has', async () => {
    expect(
      await errorsOf({
        'articles/new.md': articleWith(['redirectFrom: ["old-slug", "/2019/05/story.html"]']),
        'removed.yaml':
          '- path: /articles/gone/\n  date: "2026-01-10T09:00:00+08:00"\n  reason: Removed on legal advice.\n',
      }),
    ).toEqual([]);
  });

  test.each([
    {
      other: 'taken',
      problem: /\/articles\/taken\/ is the address of articles\/taken\.md: .*remove it from redirectFrom/,
    },
    { other: 'self', problem: /this article's own address/ },
  ])(
    'an old address that an article has now ($other) is an error on its line',
    async ({ other, problem }) => {
      const text = articleWith([`redirectFrom:\n  - "/articles/free/"\n  - "${other}"`]);
      const errors = await errorsOf({ 'articles/self.md': text, 'articles/taken.md': articleWith([]) });
      expect(errors).toEqual([
        expect.objectContaining({
          file: 'articles/self.md',
          line: lineOf(text, `"${other}"`),
          rule: 'redirect-from',
        }),
      ]);
      expect(errors[0]?.message).toMatch(problem);
    },
  );

  test('an old address claimed by two articles is an error in each', async () => {
    const errors = await errorsOf({
      'articles/a.md': articleWith(['redirectFrom: [old]']),
      'articles/b.md': articleWith(['redirectFrom: [old]']),
    });
    expect(errors.map((each) => [each.file, each.rule])).toEqual([
      ['articles/a.md', 'redirect-from'],
      ['articles/b.md', 'redirect-from'],
    ]);
    expect(errors[0]?.message).toMatch(/is also in the redirectFrom of articles\/b\.md/);
  });

  test('an old address listed as taken down is an error naming the line of removed.yaml', async () => {
    const errors = await errorsOf({
      'articles/a.md': articleWith(['redirectFrom: [gone]']),
      'removed.yaml':
        '# Takedowns\n- path: /articles/gone/\n  date: "2026-01-10T09:00:00+08:00"\n  reason: Removed.\n',
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/taken down in removed\.yaml \(line 2\): remove it there or here/);
  });

  test('a takedown of a story still published is an error at its path: delete the file or make it a draft', async () => {
    const removed = '- path: /articles/live/\n  date: "2026-01-10T09:00:00+08:00"\n  reason: Removed.\n';
    const errors = await errorsOf({ 'articles/live.md': articleWith([]), 'removed.yaml': removed });
    expect(errors).toEqual([
      expect.objectContaining({ file: 'removed.yaml', line: 1, column: 9, rule: 'removed-article' }),
    ]);
    expect(errors[0]?.message).toMatch(
      /articles\/live\.md, which is published: delete that file \(or set draft: true/,
    );
    expect(
      await errorsOf({ 'articles/live.md': articleWith(['draft: true']), 'removed.yaml': removed }),
    ).toEqual([]);
    const embargoed = articleWith(['publishedAt: "2026-02-01T09:00:00+08:00"']);
    const [error] = await errorsOf({ 'articles/live.md': embargoed, 'removed.yaml': removed });
    expect(error?.message).toMatch(/articles\/live\.md, which is embargoed: delete that file/);
  });

  test.each([
    {
      yaml: '- path: /articles/a/\n  date: "2026-01-10T09:00:00+08:00"\n',
      line: 1,
      message: /the first item’s reason: needs the reason/,
    },
    {
      yaml: '- path: /articles/a/\n  date: "2026-01-10"\n  reason: Gone.\n',
      line: 2,
      message: /the first item’s date: "2026-01-10" is not a date-time/,
    },
    {
      yaml: '- path: "/articles/*"\n  date: "2026-01-10T09:00:00+08:00"\n  reason: Gone.\n',
      line: 1,
      message: /the first item’s path: "\/articles\/\*" is not an address/,
    },
    { yaml: 'path: /articles/a/\n', line: 1, message: /must be a list of takedowns/ },
    {
      yaml: '- path: /articles/a/\n  date: "2026-01-10T09:00:00+08:00"\n  reason: Removed: legal advice.\n',
      line: 3,
      message: /in quotes/,
    },
  ])('a malformed removed.yaml is an error on its line: $message', async ({ yaml, line, message }) => {
    const errors = await errorsOf({ 'removed.yaml': yaml });
    expect(errors).toEqual([expect.objectContaining({ file: 'removed.yaml', line })]);
    expect(errors[0]?.message).toMatch(message);
  });
});

describe('links to other articles', () => {
  test('a dead link after a link elsewhere is still an error', async () => {
    await write({
      'articles/linking.md': article('2026-01-10T09:00:00+08:00').replace(
        'Text.',
        'See [the fake agency](https://example.com/) and [an earlier fake story](/articles/no-such-story/).',
      ),
    });
    const { diagnostics } = await lintContent(root, now, root);
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'articles/linking.md', severity: 'error', rule: 'article-link' }),
    ]);
    expect(diagnostics[0]?.message).toMatch(/the link to \/articles\/no-such-story\/ goes nowhere/);
  });
});
