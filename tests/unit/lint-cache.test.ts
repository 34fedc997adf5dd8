import { cpSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { lintContent } from '../../src/lib/lint';

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

const rules = async () =>
  (await lintContent(root, now)).diagnostics.map((each) => `${each.rule} ${each.line}`);
const edit = (file: string, change: (text: string) => string) => {
  writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
};

describe('the lint cache', () => {
  test('unchanged content gives the same diagnostics as the first run', async () => {
    const first = await lintContent(root, now);
    expect(first.warnings).toBe(2);
    expect(await lintContent(root, now)).toEqual(first);
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
});
