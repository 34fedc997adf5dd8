import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { remarkLeanGfm } from '../../src/markdown/lean-gfm.ts';
import { random } from '../support/synthetic-text.ts';

/** remark-parse with GFM, as Astro's Markdown processor parses; and the same, lean. */
const gfm = unified().use(remarkParse).use(remarkGfm);
const lean = unified().use(remarkParse).use(remarkGfm).use(remarkLeanGfm);

/**
 * Texts of the pieces GFM's literals and tables are made of and the Markdown around them:
 * near-addresses, near-links, near-delimiter rows, emphasis, links, code, lists and footnotes, in any
 * order.
 */
const pieces = [
  'news',
  'desk',
  '@',
  ':-',
  '-:',
  '---',
  '\n:-',
  '\n-:',
  '\n--- |',
  '\n| - |',
  ' news@example.com ',
  'a@b',
  '@desk.example',
  ' www.example.com ',
  ' https://example.com/a ',
  'w',
  'ww',
  'www',
  'WWW',
  'wWw',
  'h',
  'http',
  'HTTPS',
  'https',
  'mailto',
  'xmpp',
  '.',
  '..',
  ':',
  ':/',
  '/',
  '//',
  '-',
  '_',
  '+',
  '*',
  '**',
  '~',
  '~~',
  '`',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '|',
  '!',
  '?',
  '#',
  '\\',
  '"',
  "'",
  '&amp;',
  'example',
  'com',
  'co.uk',
  '2026',
  'x_y',
  'a.b',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '\n- ',
  '\n1. ',
  '\n> ',
  '\n| a | b |\n| - | - |\n',
  '[^1]',
  '\n\n[^1]: Note.',
  '[link](/articles/a)',
  '<https://example.com>',
  'é',
  '中文',
];

function text(next: () => number): string {
  const length = 1 + Math.floor(next() * 40);
  return Array.from({ length }, () => pieces[Math.floor(next() * pieces.length)]).join('');
}

describe('the lean GFM parser', () => {
  test('gives the tree remark-parse with GFM gives, for texts with and without what its constructs need', () => {
    const next = random(11);
    let withoutLiterals = 0;
    let withoutTables = 0;
    let found = 0;
    for (let index = 0; index < 3000; index++) {
      const source = text(next);
      if (!/@|www\.|:\/\//i.test(source)) withoutLiterals += 1;
      if (!/\||:-|-:/.test(source)) withoutTables += 1;
      const tree = gfm.parse(source);
      if (/"url":"(?:mailto:|http)|"type":"table"/.test(JSON.stringify(tree))) found += 1;
      expect(lean.parse(source), source).toEqual(tree);
    }
    // Many generated texts can hold no literal, or no table, and many hold one.
    expect(withoutLiterals).toBeGreaterThan(400);
    expect(withoutTables).toBeGreaterThan(400);
    expect(found).toBeGreaterThan(1000);
  });

  test.each([
    ['an address', 'Write to news@example.com today.'],
    ['a www. link', 'See www.example.com for more.'],
    ['a link with its protocol', 'See https://example.com/a?b=c for more.'],
    ['all three', 'news@example.com, WWW.example.com and http://example.com'],
    ['a table', 'Year | Units\n--- | ---\n2025 | 14,500'],
    ['a table of one column without pipes, left-aligned', 'Year\n:--\n2025'],
    ['a table of one column without pipes, right-aligned', 'Units\n--:\n14,500'],
  ])('still finds %s', (_, source) => {
    const tree = lean.parse(source);
    expect(tree).toEqual(gfm.parse(source));
    expect(JSON.stringify(tree)).toMatch(/"type":"(?:link|table)"/);
  });

  test('gives the same tree for every Markdown file of the project and its fixtures', () => {
    // The project's own, not the newsroom's (content/), which change every day.
    const files = [
      'README.md',
      'bench/README.md',
      ...['docs', 'tests/fixtures'].flatMap((folder) =>
        readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => join(folder, file)),
      ),
    ].filter((file) => file.endsWith('.md'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(lean.parse(source), file).toEqual(gfm.parse(source));
    }
  });
});
