import { readFileSync } from 'node:fs';
import rehypeParse from 'rehype-parse';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Pluggable } from 'unified';
import { describe, expect, test } from 'vitest';
import { benchArticles } from '../../bench/corpus.ts';
import { hostile } from '../support/hostile.ts';
import { rehypeRawWhenNeeded } from '../../src/markdown/raw.ts';

/**
 * Skipping rehype-raw on documents without raw HTML must not change what any page says: the HTML is
 * the same once parsed (rehype-raw only spells boolean attributes such as data-footnote-ref as ="").
 */
const samples = [
  'Plain paragraph with *emphasis*, **strong**, `code` and a [link](https://example.com).',
  '| a | b |\n| --- | --- |\n| 1 | 2 |\n\nText with a footnote.[^1]\n\n[^1]: The note.',
  '> A quotation\n\n- a list\n- of items\n\n1. ordered\n2. list\n\n## Heading\n\n---\n\n![alt](./x.jpg "title")',
  'Line one  \nline two after a hard break, & an ampersand < and a less-than.',
  hostile.body,
  readFileSync(
    'tests/fixtures/seed-newsroom/articles/head-of-xiaomi-auto-charms-buyers/index.md',
    'utf8',
  ).split(/^---$/m)[2]!,
  ...benchArticles(3).map((article) => article.body),
];

const parsed = (html: string) =>
  String(unified().use(rehypeParse, { fragment: true }).use(rehypeStringify).processSync(html));

const html = (markdown: string, raw: Pluggable) =>
  parsed(
    String(
      unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(remarkRehype, { allowDangerousHtml: true })
        .use(raw as never)
        .use(rehypeStringify)
        .processSync(markdown),
    ),
  );

describe('rehypeRawWhenNeeded', () => {
  test.each(samples.map((sample, index) => [index, sample] as const))(
    'sample %i renders exactly as with rehype-raw',
    (_, markdown) => {
      expect(html(markdown, rehypeRawWhenNeeded)).toBe(html(markdown, rehypeRaw));
    },
  );

  test('still parses raw HTML where there is some', () => {
    expect(html('<p class="x">Raw <b>bold</b></p>', rehypeRawWhenNeeded)).toBe(
      '<p class="x">Raw <b>bold</b></p>',
    );
  });
});
