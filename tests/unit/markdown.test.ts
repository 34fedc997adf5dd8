import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { findPackageJSON } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { markdownProcessor } from '../../src/markdown/index.ts';
import { site } from '../../src/site.config.ts';

// The article pipeline itself, as astro.config.mjs hands it to Astro (GFM, heading ids, typography).
const renderer = await markdownProcessor.createRenderer({
  ...markdownConfigDefaults,
  syntaxHighlight: false,
});
const render = async (markdown: string) => (await renderer.render(markdown)).code;

/**
 * Astro ends its pipeline with rehype-raw, which parses every body through an HTML parser once more
 * (a third of the time it takes to render one); the pipeline turns that pass off, its own
 * rehypeRawWhenNeeded having parsed any raw HTML before the sanitizer. The pass would show in GFM's
 * footnote marks, which a parser's output spells `=""`.
 */
describe("Astro's closing rehype-raw pass", () => {
  test('a body without raw HTML goes through no HTML parser', async () => {
    const html = await render('Text.[^1]\n\n[^1]: A note.\n');
    expect(html).toContain(' data-footnote-ref aria-describedby=');
    expect(html).toContain('<section data-footnotes class="footnotes">');
  });

  test('is turned off with the rehype-raw Astro uses: one package for both', () => {
    const astro = pathToFileURL(findPackageJSON('@astrojs/markdown-remark', import.meta.url)!);
    expect(findPackageJSON('rehype-raw', astro)).toBe(findPackageJSON('rehype-raw', import.meta.url));
  });
});

/** Every link of a body to a place in it, as an element's id or an anchor's name holds it. */
const inPageLinks = (html: string) => {
  const targets = new Set([...html.matchAll(/ (?:id|name)="([^"]+)"/g)].map((match) => match[1]));
  return [...html.matchAll(/ href="#([^"]*)"/g)].map(([, target]) => ({
    target,
    found: targets.has(target),
  }));
};

/**
 * The sanitizer prefixes every id and name in a body (`user-content-`), so that a story's HTML can
 * never take the name of the page's own elements; links within the body must follow.
 */
describe('links within a body', () => {
  test("every footnote mark leads to its note, and every note's back link to its mark", async () => {
    const html = await render(
      'One claim.[^1] Another.[^source]\n\n[^1]: A note.\n\n[^source]: Another note.\n',
    );
    const links = inPageLinks(html);
    expect(links).toHaveLength(4);
    expect(links.filter(({ found }) => !found)).toEqual([]);
    expect(html).not.toContain('user-content-user-content-');
  });

  test("a link to an anchor in the story's own HTML leads to it", async () => {
    const html = await render(
      'See [the results](#results).\n\n<h3 id="results">Results</h3>\n\n<a name="notes"></a>[Notes](#notes)\n',
    );
    expect(inPageLinks(html)).toEqual([
      { target: 'user-content-results', found: true },
      { target: 'user-content-notes', found: true },
    ]);
  });

  test('a link to a place the body does not have is left as the editor wrote it', async () => {
    const html = await render('[Back to the top](#top) and [the results](#results).\n\n## Results\n');
    expect(inPageLinks(html).map(({ target }) => target)).toEqual(['top', 'results']);
  });
});

describe('remarkFigures', () => {
  test('a standalone image becomes figure placeholder 0', async () => {
    expect(await render('![A car](./car.jpg "Caption. Credit: AP")\n')).toBe(
      '<broadsheet-figure data-figure="0"></broadsheet-figure>',
    );
  });

  test('placeholders are numbered in document order and text around them is kept', async () => {
    const html = await render(
      'Intro.\n\n![One](./1.jpg)\n\nMiddle.\n\n![Two](./2.jpg)\n\n![Three](./3.jpg)\n',
    );
    expect(html.match(/data-figure="\d+"/g)).toEqual([
      'data-figure="0"',
      'data-figure="1"',
      'data-figure="2"',
    ]);
    expect(html).toContain('<p>Intro.</p>');
    expect(html).toContain('<p>Middle.</p>');
    expect(html).not.toContain('<img');
  });

  test('an image inside a sentence stays an inline image and takes no number', async () => {
    const html = await render('See ![icon](./icon.png) here.\n\n![Photo](./photo.jpg)\n');
    expect(html).toContain('<p>See <img src="./icon.png" alt="icon"> here.</p>');
    expect(html).toContain('<broadsheet-figure data-figure="0"></broadsheet-figure>');
  });
});

describe('sanitizeSchema', () => {
  test.each([
    { what: 'a script element', html: '<script>alert(1)</script>', gone: ['<script', 'alert(1)'] },
    { what: 'an event handler', html: '<p onclick="steal()">Click</p>', gone: ['onclick', 'steal()'] },
    { what: 'a javascript: link', html: '<a href="javascript:alert(1)">link</a>', gone: ['javascript:'] },
    { what: 'a javascript: link in Markdown', html: '[link](javascript:alert(1))', gone: ['javascript:'] },
    {
      what: 'an iframe',
      html: '<iframe src="https://evil.example/"></iframe>',
      gone: ['<iframe', 'evil.example'],
    },
    {
      what: 'a form',
      html: '<form action="https://evil.example/"><button>Go</button></form>',
      gone: ['<form', 'evil.example'],
    },
    { what: 'an inline style attribute', html: '<p style="position:fixed">Text</p>', gone: ['style='] },
    {
      what: 'a style element',
      html: '<style>body { display: none }</style>',
      gone: ['<style', 'display: none'],
    },
  ])('$what is removed', async ({ html, gone }) => {
    const out = await render(`Before.\n\n${html}\n\nAfter.\n`);
    for (const fragment of gone) expect(out).not.toContain(fragment);
    expect(out).toContain('<p>Before.</p>');
    expect(out).toContain('<p>After.</p>');
  });

  test('the text of an element with an event handler survives', async () => {
    expect(await render('<p onclick="x()">Click me</p>\n')).toBe('<p>Click me</p>');
  });

  test.each([
    {
      what: 'emphasis',
      markdown: 'Some *emphasis* and **strong** text.',
      html: '<p>Some <em>emphasis</em> and <strong>strong</strong> text.</p>',
    },
    { what: 'a blockquote', markdown: '> A quote.', html: '<blockquote>\n<p>A quote.</p>\n</blockquote>' },
    { what: 'a list', markdown: '- one\n- two', html: '<ul>\n<li>one</li>\n<li>two</li>\n</ul>' },
    {
      what: 'an internal link',
      markdown: '[part one](/articles/part-one/)',
      html: '<p><a href="/articles/part-one/">part one</a></p>',
    },
    {
      what: 'a heading',
      markdown: '## Consumer-centric insights',
      html: '<h2 id="consumer-centric-insights">Consumer-centric insights</h2>',
    },
    {
      what: 'a raw HTML table',
      markdown: '<table><thead><tr><th>Model</th></tr></thead><tbody><tr><td>SU7</td></tr></tbody></table>',
      html: '<table><thead><tr><th>Model</th></tr></thead><tbody><tr><td>SU7</td></tr></tbody></table>',
    },
    {
      what: 'a raw figure with caption',
      markdown: '<figure><figcaption>Caption</figcaption></figure>',
      html: '<figure><figcaption>Caption</figcaption></figure>',
    },
  ])('$what survives', async ({ markdown, html }) => {
    expect(await render(`${markdown}\n`)).toBe(html);
  });
});

describe('rehypeLinks: external links', () => {
  test.each([
    { href: 'https://www.shine.cn/opinion/', external: true },
    { href: 'http://example.com/', external: true },
    { href: '/articles/part-one/', external: false },
    { href: '#notes', external: false },
    { href: 'mailto:desk@broadsheet.example', external: false },
  ])('a link to $href gets rel="noopener noreferrer": $external', async ({ href, external }) => {
    const html = await render(`[link](${href})\n`);
    if (external) expect(html).toContain('rel="noopener noreferrer"');
    else expect(html).not.toContain('rel=');
  });

  test('a raw HTML external link gets rel too, replacing any rel it had', async () => {
    expect(await render('<a href="https://example.com/" rel="opener">x</a>\n')).toContain(
      'rel="noopener noreferrer"',
    );
  });
});

describe('rehypeEmbeds', () => {
  const allowed = site.embedHosts[0] ?? '';
  test.each([
    ['an unknown host', '<iframe src="https://evil.example/x" title="t"></iframe>'],
    ['plain http', `<iframe src="http://${allowed}/embed/x" title="t"></iframe>`],
    ['no title', `<iframe src="https://${allowed}/embed/x"></iframe>`],
    ['a tag in capitals', '<IFRAME SRC="https://evil.example/x" TITLE="t"></IFRAME>'],
  ])('removes an iframe from %s', async (_, html) => {
    expect(await render(`<p>before</p>${html}<p>after</p>`)).toBe('<p>before</p><p>after</p>');
  });

  test('wraps an allowed embed in a responsive box, lazy and sandboxed', async () => {
    const html = await render(`<iframe src="https://${allowed}/embed/x" title="A video"></iframe>`);
    expect(html).toContain(`<div class="embed"><iframe src="https://${allowed}/embed/x" title="A video"`);
    expect(html).toContain('loading="lazy"');
    expect(html).toContain('sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"');
  });
});

describe('the typography of the pipeline', () => {
  test.each([
    {
      what: 'straight quotes become curly',
      markdown: '"Quoted," she said.',
      html: '<p>“Quoted,” she said.</p>',
    },
    {
      what: 'a GFM table is a table',
      markdown: '| a |\n|---|\n| b |',
      html: '<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>',
    },
  ])('$what', async ({ markdown, html }) => {
    expect(await render(`${markdown}\n`)).toBe(html);
  });
});

test.each([
  ['Markdown, inline', 'Text ![](/x.png) and more.', '<p>Text  and more.</p>'],
  ['raw HTML in capitals', 'Text <IMG SRC="/x.png"> and more.', '<p>Text  and more.</p>'],
  [
    'an <image> tag, which HTML reads as img',
    'Text <image src="/x.png"> and more.',
    '<p>Text  and more.</p>',
  ],
])('an image without alt text written as %s is removed', async (_, markdown, html) => {
  expect(await render(markdown)).toBe(html);
});

test('a raw-HTML image without alt text is removed, one with alt text kept', async () => {
  expect(await render('Text <img src="/x.png"> and <img src="/y.png" alt="A chart">.')).toBe(
    '<p>Text  and <img src="/y.png" alt="A chart">.</p>',
  );
});
