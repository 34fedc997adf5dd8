import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, test } from 'vitest';
import { articleBody } from '../../src/lib/frontmatter.ts';
import { bodyOf, readBody } from '../../src/lib/lint/body.ts';
import { bodyDigest, inFile, readRenderedFacts, writeRenderedFacts } from '../../src/lib/lint/body-facts.ts';
import type { BodyFacts } from '../../src/lib/lint/body-facts.ts';
import { inlineRenderer } from '../../src/markdown/render.ts';
import type { RenderBody } from '../../src/markdown/render.ts';

/**
 * The content rules read a body through its facts (src/lib/lint/body-facts.ts), which the renderer
 * finds in the tree it parses to render the body, so that a cold build parses each body once; the
 * check finds them itself in a body nobody rendered. Both must be the same facts.
 */

/** A body with something for every body rule, GFM's constructs among it. */
const body = [
  '# A heading with TODO',
  '',
  'A paragraph with "an odd quote, the the same word twice and 1,00,000 yuan.',
  '',
  '![A car](./car.jpg "A caption, TK. Credit: AP")',
  '',
  '![](./missing.jpg)',
  '',
  'See [the story](/articles/other-story/) and www.example.com/articles/literal-link in the text.',
  '',
  '<iframe src="https://video.example/embed/1"></iframe>',
  '',
  '| Figure | Note |',
  '| --- | --- |',
  '| 814,9f00 | XXX |',
  '',
  'A claim with a note.[^1] ~~Struck~~ words.',
  '',
  '[^1]: The note says lorem ipsum.',
  '',
  // Last: a comment left open hides the rest of the body.
  '<!-- a comment left open',
].join('\n');
const source = `---\ntitle: A headline\n---\n\n${body}\n`;

let render: RenderBody;
beforeAll(async () => {
  render = await inlineRenderer({ ...markdownConfigDefaults, syntaxHighlight: false });
});

/** The facts the check reads of `text`, with the renderer's facts `rendered`. */
function checked(text: string, rendered?: ReadonlyMap<string, BodyFacts>) {
  const file = new VFile({ path: 'article.md', value: text });
  const taken = readBody(file, rendered);
  return { taken, facts: bodyOf(file) };
}

describe('the facts of a body', () => {
  test('the renderer finds, as it renders a body, the facts the check finds parsing the file', async () => {
    const { facts: rendered } = await render(body, '/content/article.md');
    const { taken, facts } = checked(source);
    expect(taken).toBe(false);
    expect(facts).toEqual(inFile(rendered, articleBody(source).start));
  });

  test('are what the rules need, placed in the file, as readers see the body (GFM)', () => {
    const { facts } = checked(source);
    expect(facts.photos.map(({ url, alt }) => [url, alt])).toEqual([
      ['./car.jpg', 'A car'],
      ['./missing.jpg', ''],
    ]);
    // The body starts on the file's fifth line: the photo is on the body's fifth.
    expect(facts.photos[0]?.position?.start).toEqual({
      line: 9,
      column: 1,
      offset: source.indexOf('![A car]'),
    });
    // A link written as a bare address (a GFM autolink literal) is a link too.
    expect(facts.articleLinks.map(({ id }) => id)).toEqual(['other-story', 'literal-link']);
    expect(facts.html.map(({ value }) => value.slice(0, 12))).toEqual(['<iframe src=', '<!-- a comme']);
    expect(facts.unbalanced.map(({ problems }) => problems)).toEqual([['an odd number of " quotes']]);
    expect(facts.repeated.map(({ words }) => words)).toEqual(['the the']);
    // Placeholders and malformed numbers in a heading, a caption, a table and a footnote.
    expect(facts.flagged.flatMap(({ numbers }) => numbers.map(({ text }) => text))).toEqual([
      '1,00,000',
      '814,9f00',
    ]);
    expect(facts.flagged.flatMap(({ placeholders }) => placeholders.map(({ text }) => text))).toEqual([
      'TODO',
      'TK',
      'XXX',
      'lorem ipsum',
    ]);
  });

  test('the check takes the renderer’s facts of the same text, by its digest, and parses any other', () => {
    const mark: BodyFacts = {
      photos: [],
      articleLinks: [],
      html: [],
      unbalanced: [],
      repeated: [{ words: 'from the renderer', position: undefined }],
      flagged: [],
    };
    const found = new Map([[bodyDigest(articleBody(source).body), mark]]);
    expect(checked(source, found)).toEqual({ taken: true, facts: mark });
    const other = source.replace('A claim', 'Another claim');
    expect(checked(other, found).taken).toBe(false);
    expect(checked(other, found).facts.repeated.map(({ words }) => words)).toEqual(['the the']);
  });

  test('cross from the build’s Astro to its check whole, and none are read from a file never written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'broadsheet-facts-'));
    try {
      const { facts } = await render(body, '/content/article.md');
      const file = join(dir, 'rendered-facts.v8');
      expect(readRenderedFacts(file)).toBeUndefined();
      writeRenderedFacts(file, new Map([['digest', facts]]));
      expect(readRenderedFacts(file)).toEqual(new Map([['digest', facts]]));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
