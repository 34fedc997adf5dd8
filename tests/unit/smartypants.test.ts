import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkSmartypantsOriginal from 'remark-smartypants';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { benchArticles } from '../../bench/corpus.ts';
import { smartypantsOptions } from '../../src/lib/typography.ts';
import { remarkSmartypants } from '../../src/markdown/smartypants.ts';
import { random } from '../support/synthetic-text.ts';

/** Our SmartyPants plugin must give exactly remark-smartypants' tree; it only skips work. */
const samples = [
  'He said "hello" and \'goodbye\'.',
  'It\'s the \'80s, don\'t you know? "Quoted *emphasis*" and "[a link](https://example.com)".',
  "Dashes -- en, --- em, and –- odd; ellipses... and . . . spaced; ``backticks'' too.",
  '"\'Nested\' quotes," she said.',
  '# A "heading"\n\n| a | "b" |\n| - | - |\n| `code "x"` | it\'s |',
  'Plain words only. U.S. officials met at 9 a.m.',
  '> "A quotation block"\n\n- "list" item\n- another -- item',
  '"Starts with a quote\n\nand a paragraph that ends with one"',
  // Every branch of the quote rule, which ours runs on parse-latin's tree by a loop of its own.
  "\"'Twas,\" he said. 'Tis true: the '90s, 5'10\", rock 'n' roll, O'Neil's \"A\"s and the Joneses'.",
  'End of sentence." Next "one". Quote after a dash -"x"- and a slash /"y"/ and 100%"z".',
  '"..." and "?" and "!", then ("parenthesised") and ["bracketed"] and "quoted, with comma",',
  '\'single\' at start; "double" at end "',
  "'s at the start. 's after a full stop.",
  '"A" "B" "" \'\' "\'" \'"\' "\'x\'" word"word\'word \'s and \'s.',
  'Mixed *"emphasis"* and **"strong"** and `"code"` and [\'link\'](https://example.com) then "after".',
  '“Already curly” and ‘curly’ beside "straight" ones; 12" pipe and 6\' pole.',
  readFileSync('tests/fixtures/seed-newsroom/articles/head-of-xiaomi-auto-charms-buyers/index.md', 'utf8'),
  ...benchArticles(40).map((article) => article.body),
];

/**
 * Generated text dense with what decides where parse-latin ends a sentence and how it reads a quote
 * (full stops before capitals and lower case, abbreviations, initials, digits, `&`, `-`, `/`, `,`
 * and `;` after a stop, stops inside quotes, blank lines): ours parses only the sentences that
 * hold quotes, and must still give the tree that parsing the whole text gives. (Parsing apart
 * what follows every `. `, `? ` and `! `, capital or not, fails this test.)
 */
const pieces = [
  ...['Word', 'word', 'Harbour', 'council', 'Ab', 'x', 'B', 'US', 'A1', '12', '1234', 'It', 'the'],
  ...['etc', 'Etc', 'viz', 'a', 'Z', '7', 'ca', 'op', 'Pro', 'sic', 'ff', 'Mr', 'Dr', 'U.S', 'e.g'],
  ...['. ', '. ', '. ', '.  ', '.\n', '.\n\n', '? ', '! ', '... ', ', ', '; ', ': ', ' ', ' ', ' '],
  ...['"', '"', "'", "'", '"', "'", "'s", "'80s", '&', '-', ' - ', '/', '(', ')', '\n', '\n\n', '5'],
  ...['.', '."', ".'", '," ', '.) ', ' "', " '", '"\n\n', '*"', '"*', '`"x"`', 'é', 'Émile', '\u00a0'],
];
const generated = (count: number) => {
  const next = random(17);
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 8 + Math.floor(next() * 40) },
      () => pieces[Math.floor(next() * pieces.length)]!,
    ).join(''),
  );
};

const tree = (markdown: string, plugin: (options: typeof smartypantsOptions) => (tree: Root) => void) => {
  const processor = unified().use(remarkParse).use(plugin, smartypantsOptions);
  return processor.runSync(processor.parse(markdown));
};

describe('remarkSmartypants', () => {
  test.each(samples.map((sample, index) => [index, sample] as const))(
    'sample %i gives the same tree as remark-smartypants',
    (_, markdown) => {
      expect(tree(markdown, remarkSmartypants)).toEqual(
        tree(markdown, remarkSmartypantsOriginal as unknown as typeof remarkSmartypants),
      );
    },
  );

  test('2,000 generated texts dense with sentence ends and quotes give the same trees as remark-smartypants', () => {
    for (const markdown of generated(2000))
      expect(tree(markdown, remarkSmartypants), markdown).toEqual(
        tree(markdown, remarkSmartypantsOriginal as unknown as typeof remarkSmartypants),
      );
  });

  test('does change what it should (so the comparison compares something)', () => {
    const changed = tree('"Hi" -- it\'s...', remarkSmartypants);
    expect(JSON.stringify(changed)).toContain('“Hi” – it’s…');
  });
});
