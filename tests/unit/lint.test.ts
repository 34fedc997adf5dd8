import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { lintContent } from '../../src/lib/lint';

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
});

describe('an article whose frontmatter cannot be read', () => {
  test.each([
    {
      what: 'an unclosed quote',
      text: article('2026-01-01T09:00:00+08:00').replace('title: A headline', 'title: "A headline'),
      line: 2,
      message: /not valid YAML/,
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
