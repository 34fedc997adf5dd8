import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
 * Texts of the pieces GFM's literals are made of and the Markdown around them: near-addresses,
 * near-links, emphasis, links, code, tables, lists and footnotes, in any order.
 */
const pieces = [
  'news',
  'desk',
  '@',
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
  test('gives the tree remark-parse with GFM gives, for texts with and without what literals need', () => {
    const next = random(11);
    let withoutAny = 0;
    let literals = 0;
    for (let index = 0; index < 3000; index++) {
      const source = text(next);
      if (!/@|www\.|:\/\//i.test(source)) withoutAny += 1;
      const tree = gfm.parse(source);
      if (/"url":"(?:mailto:|http)/.test(JSON.stringify(tree))) literals += 1;
      expect(lean.parse(source), source).toEqual(tree);
    }
    // Many generated texts can hold none of the literals, and many hold one.
    expect(withoutAny).toBeGreaterThan(400);
    expect(literals).toBeGreaterThan(1000);
  });

  test.each([
    ['an address', 'Write to news@example.com today.'],
    ['a www. link', 'See www.example.com for more.'],
    ['a link with its protocol', 'See https://example.com/a?b=c for more.'],
    ['all three', 'news@example.com, WWW.example.com and http://example.com'],
  ])('still finds %s', (_, source) => {
    const tree = lean.parse(source);
    expect(tree).toEqual(gfm.parse(source));
    expect(JSON.stringify(tree)).toContain('"type":"link"');
  });

  test('gives the same tree for every Markdown file of the project and its tests', () => {
    // The files git holds, but the newsroom's, which change every day.
    const files = execFileSync('git', ['ls-files', '*.md'], { encoding: 'utf8' })
      .split('\n')
      .filter((file) => file && !file.startsWith('content/'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(lean.parse(source), file).toEqual(gfm.parse(source));
    }
  });
});
