import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { articleFacts, articleFactsCache } from '../../src/lib/lint/article-facts.ts';

/**
 * The content index keeps what it reads of each article between runs (src/lib/lint/article-facts.ts),
 * by the file's text: a file is read again exactly when its text changed; and by its looks, which
 * spare reading it at all.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-article-facts-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const synthetic = (extra = '') =>
  `---\ntitle: A synthetic story\npublishedAt: "2026-01-01T09:00:00+08:00"\nseries: { id: synthetic-series, part: 2 }\nredirectFrom: ["old-synthetic-story", "not an address"]\n${extra}---\n\nSynthetic body.\n`;

/** One run of the content index over `files` (entry → text): the facts, and which files were read. */
function run(files: Record<string, string>) {
  const cache = articleFactsCache(join(dir, 'article-facts.json'));
  const read: string[] = [];
  const facts = Object.entries(files).map(
    ([entry, text]) =>
      cache.facts(entry, text, () => {
        read.push(entry);
        return articleFacts(entry, parseFrontmatter(text));
      }).facts,
  );
  cache.save();
  return { facts, read };
}

describe('articleFacts', () => {
  test('are the id, draft, date, series part and valid old addresses', () => {
    expect(articleFacts('2026/synthetic-story.md', parseFrontmatter(synthetic('draft: true\n')))).toEqual({
      id: 'synthetic-story',
      draft: true,
      publishedAt: '2026-01-01T09:00:00+08:00',
      series: { id: 'synthetic-series', part: 2 },
      redirectFrom: ['/articles/old-synthetic-story/'],
    });
  });

  test('of a file without frontmatter are its name and nothing else', () => {
    expect(articleFacts('bare.md', parseFrontmatter('Only a body.\n'))).toEqual({
      id: 'bare',
      draft: false,
      redirectFrom: [],
    });
  });
});

describe('articleFactsCache', () => {
  test('reads every file the first time, none the second, and gives the same facts', () => {
    const files = { 'a.md': synthetic(), 'b.md': synthetic('draft: true\n') };
    const first = run(files);
    expect(first.read).toEqual(['a.md', 'b.md']);
    const second = run(files);
    expect(second.read).toEqual([]);
    expect(second.facts).toEqual(first.facts);
  });

  test('reads a file again when its text changed, and gives its new facts', () => {
    run({ 'a.md': synthetic(), 'b.md': synthetic() });
    const second = run({ 'a.md': synthetic('draft: true\n'), 'b.md': synthetic() });
    expect(second.read).toEqual(['a.md']);
    expect(second.facts[0]!.draft).toBe(true);
  });

  test('keeps facts by file: a renamed file is read again, under its new name', () => {
    run({ 'a.md': synthetic() });
    const second = run({ 'c.md': synthetic() });
    expect(second.read).toEqual(['c.md']);
    expect(second.facts[0]!.id).toBe('c');
  });

  test('reads every file when the kept facts cannot be read', () => {
    run({ 'a.md': synthetic() });
    writeFileSync(join(dir, 'article-facts.json'), '{ not json');
    expect(run({ 'a.md': synthetic() }).read).toEqual(['a.md']);
  });

  test('reads every file when the linter code changed', async () => {
    run({ 'a.md': synthetic() });
    vi.resetModules();
    vi.doMock('../../src/lib/lint/linter-digest', () => ({ linterDigest: () => 'other code' }));
    const { articleFactsCache: withOtherCode } = await import('../../src/lib/lint/article-facts.ts');
    const cache = withOtherCode(join(dir, 'article-facts.json'));
    const read = vi.fn(() => articleFacts('a.md', parseFrontmatter(synthetic())));
    cache.facts('a.md', synthetic(), read);
    expect(read).toHaveBeenCalledOnce();
    vi.doUnmock('../../src/lib/lint/linter-digest');
  });

  test('of a file that looks as it did when its looks were kept are taken without its text', () => {
    const cache = articleFactsCache(join(dir, 'article-facts.json'));
    const read = cache.facts(
      'a.md',
      synthetic(),
      () => articleFacts('a.md', parseFrontmatter(synthetic())),
      '7:10:1:1',
    );
    expect(cache.unchanged('b.md', '7:10:1:1')).toBeUndefined();
    cache.save();
    const next = articleFactsCache(join(dir, 'article-facts.json'));
    expect(next.unchanged('a.md', '7:10:1:1')).toEqual(read);
    expect(next.unchanged('a.md', '7:10:1:2')).toBeUndefined();
    expect(next.unchanged('a.md', undefined)).toBeUndefined();
  });

  test('keeps no looks for a file read without them (not yet settled, or unreadable)', () => {
    const cache = articleFactsCache(join(dir, 'article-facts.json'));
    cache.facts('a.md', synthetic(), () => articleFacts('a.md', parseFrontmatter(synthetic())));
    cache.save();
    expect(articleFactsCache(join(dir, 'article-facts.json')).unchanged('a.md', '7:10:1:1')).toBeUndefined();
  });

  test('keeps the looks of a file only while it is in the folder', () => {
    const first = articleFactsCache(join(dir, 'article-facts.json'));
    first.facts('a.md', synthetic(), () => articleFacts('a.md', parseFrontmatter(synthetic())), '7:10:1:1');
    first.save();
    const second = articleFactsCache(join(dir, 'article-facts.json'));
    expect(second.unchanged('a.md', '7:10:1:1')).toBeDefined();
    second.save();
    articleFactsCache(join(dir, 'article-facts.json')).save();
    expect(articleFactsCache(join(dir, 'article-facts.json')).unchanged('a.md', '7:10:1:1')).toBeUndefined();
  });
});
