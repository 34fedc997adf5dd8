import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cacheDirFor } from '../../src/lib/env.ts';
import { lintContent } from '../../src/lib/lint/index.ts';

/**
 * The linter keeps each file's messages between runs (src/lib/lint/cache.ts). Every test checks a
 * folder twice with something changed in between, and the second run must say what a first run on
 * the changed folder would say.
 */
const now = new Date('2026-11-27T12:00:00+08:00');
const seed = 'articles/head-of-xiaomi-auto-charms-buyers/index.md';
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'broadsheet-lint-cache-'));
  cpSync(resolve('tests/fixtures/seed-newsroom'), root, { recursive: true });
});
// The cache lives under node_modules/.astro/sites/, named for the folder: a new one every run.
afterEach(() => {
  for (const dir of [root, cacheDirFor(root)]) rmSync(dir, { recursive: true, force: true });
});

const rules = async () =>
  (await lintContent(root, now)).diagnostics.map((each) => `${each.rule} ${each.line}`);
const edit = (file: string, change: (text: string) => string) => {
  writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
};

describe('the lint cache', () => {
  test('unchanged content gives the same diagnostics as the first run, and checks no file again', async () => {
    const first = await lintContent(root, now);
    expect(first.warnings).toBe(2);
    expect(first.checkedFiles).toBe(first.articles.length);
    const second = await lintContent(root, now);
    expect({ ...second, checkedFiles: first.checkedFiles }).toEqual(first);
    expect(second.checkedFiles).toBe(0);
  });

  test('an edited file is checked again', async () => {
    await rules();
    edit(seed, (text) => `${text}\nA synthetic sentence with the the same word twice.\n`);
    expect(await rules()).toContainEqual(expect.stringMatching(/^repeated-word /));
  });

  test('a photo that changed under an unchanged file is checked again', async () => {
    expect(await rules()).not.toContainEqual(expect.stringMatching(/^photo-file /));
    truncateSync(join(root, 'articles/head-of-xiaomi-auto-charms-buyers/lead-photo.jpg'), 2000);
    expect(await rules()).toContainEqual(expect.stringMatching(/^photo-file /));
  });

  test('an unchanged file is checked again when another article it links to becomes a draft', async () => {
    writeFileSync(
      join(root, 'articles/linking-story.md'),
      '---\ntitle: A synthetic linking story\nstandfirst: Synthetic.\nsection: business\nauthors: [ni-tao]\npublishedAt: "2026-01-01T09:00:00+08:00"\n---\n\nSee [the seed](/articles/head-of-xiaomi-auto-charms-buyers/).\n',
    );
    expect(await rules()).not.toContainEqual(expect.stringMatching(/^article-link /));
    edit(seed, (text) => text.replace('---\n', '---\ndraft: true\n'));
    expect(await rules()).toContainEqual(expect.stringMatching(/^article-link /));
  });

  /** A synthetic article in `file` with these extra frontmatter lines and body. */
  const story = (file: string, extra = '', body = 'A synthetic paragraph.') => {
    writeFileSync(
      join(root, file),
      `---\ntitle: A synthetic story\nstandfirst: Synthetic.\nsection: business\nauthors: [ni-tao]\npublishedAt: "2026-01-01T09:00:00+08:00"\n${extra}---\n\n${body}\n`,
    );
  };
  /** The files a check of the folder now reports under `rule`, sorted. */
  const filesWith = async (rule: string, result?: Awaited<ReturnType<typeof lintContent>>) =>
    (result ?? (await lintContent(root, now))).diagnostics
      .filter((each) => each.rule === rule)
      .map((each) => each.file)
      .sort();
  const takedown = (path: string) => {
    writeFileSync(
      join(root, 'removed.yaml'),
      `- path: ${path}\n  date: "2026-11-01T09:00:00+08:00"\n  reason: A synthetic takedown.\n`,
    );
  };

  // Publishing is the commonest event: it must not make the check of 10,000 articles start over.
  test('a new article is the only file checked again when no other article concerns it', async () => {
    await rules();
    story('articles/a-new-story.md');
    const after = await lintContent(root, now);
    expect(after.checkedFiles).toBe(1);
    edit('articles/a-new-story.md', (text) => text.replace('---\n', '---\ndraft: true\n'));
    expect((await lintContent(root, now)).checkedFiles).toBe(1);
  });

  // Each cross-file rule: an unchanged file must get the message a new article gives it.
  test.each([
    {
      what: 'takes its slug',
      rule: 'duplicate-slug',
      first: undefined,
      added: 'slug: head-of-xiaomi-auto-charms-buyers\n',
    },
    {
      what: 'claims its old address',
      rule: 'redirect-from',
      first: 'redirectFrom: [/old/address/]\n',
      added: 'redirectFrom: [/old/address/]\n',
    },
    {
      what: 'takes its series part',
      rule: 'series-part',
      first: undefined,
      added: 'series:\n  id: xiaomi-from-phones-to-cars\n  part: 2\n',
    },
  ])('an unchanged file is checked again when a new article $what', async ({ rule, first, added }) => {
    if (first) story('articles/first.md', first);
    await rules();
    story('articles/second.md', added);
    expect(await filesWith(rule)).toEqual([
      first
        ? expect.stringContaining('articles/first.md')
        : expect.stringContaining('articles/head-of-xiaomi-auto-charms-buyers/index.md'),
      expect.stringContaining('articles/second.md'),
    ]);
  });

  test('an unchanged file is checked again when a new article takes the address it redirects', async () => {
    story('articles/first.md', 'redirectFrom: [/articles/taken-later/]\n');
    expect(await rules()).not.toContainEqual(expect.stringMatching(/^redirect-from /));
    story('articles/taken-later.md');
    expect(await rules()).toContainEqual(expect.stringMatching(/^redirect-from /));
  });

  test('an unchanged file is checked again when the article it links to is published', async () => {
    story('articles/linking.md', '', 'See [the later story](/articles/published-later/).');
    expect(await rules()).toContainEqual(expect.stringMatching(/^article-link /));
    story('articles/published-later.md');
    expect(await rules()).not.toContainEqual(expect.stringMatching(/^article-link /));
  });

  // Unpublishing a story lists its address as taken down: that must not check the archive again.
  test('a new takedown checks again only the files whose old addresses it lists', async () => {
    story('articles/first.md', 'redirectFrom: [/old/address/]\n');
    await rules();
    takedown('/articles/gone/');
    expect((await lintContent(root, now)).checkedFiles).toBe(0);
    takedown('/old/address/');
    const after = await lintContent(root, now);
    expect(after.checkedFiles).toBe(1);
    expect(await filesWith('redirect-from', after)).toEqual([expect.stringContaining('articles/first.md')]);
  });
});
