import { describe, expect, test } from 'vitest';
import { absolutizeUrls, escapeHtml, escapeXml } from '../../src/lib/html.ts';

describe('escapeHtml', () => {
  test.each([
    { raw: 'A & B', escaped: 'A &amp; B' },
    { raw: '<script>', escaped: '&lt;script&gt;' },
    { raw: 'say "hi"', escaped: 'say &quot;hi&quot;' },
    { raw: "it's", escaped: 'it&#39;s' },
    { raw: '&amp;', escaped: '&amp;amp;' },
    { raw: '电动汽车 “quoted”', escaped: '电动汽车 “quoted”' },
  ])('$raw becomes $escaped', ({ raw, escaped }) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });
});

describe('absolutizeUrls', () => {
  const origin = 'https://broadsheet.example';

  test.each([
    { html: '<a href="/articles/a/">a</a>', out: '<a href="https://broadsheet.example/articles/a/">a</a>' },
    {
      html: '<img src="/_astro/a.jpg" alt="">',
      out: '<img src="https://broadsheet.example/_astro/a.jpg" alt="">',
    },
    {
      html: '<a href="/a/"><img src="/b.jpg"></a>',
      out: '<a href="https://broadsheet.example/a/"><img src="https://broadsheet.example/b.jpg"></a>',
    },
  ])('root-relative $html is made absolute', ({ html, out }) => {
    expect(absolutizeUrls(html, origin)).toBe(out);
    expect(absolutizeUrls(html, `${origin}/`)).toBe(out);
  });

  test.each([
    '<a href="https://other.example/x">x</a>',
    '<a href="http://other.example/x">x</a>',
    '<img src="//cdn.example/a.jpg">',
    '<a href="#notes">notes</a>',
    '<a href="mailto:desk@example.com">mail</a>',
    '<p>The path "/articles/a/" in text</p>',
  ])('%s is left alone', (html) => {
    expect(absolutizeUrls(html, origin)).toBe(html);
  });
});

describe('escapeXml', () => {
  test('uses only XML’s named entities, which every XML parser decodes', () => {
    expect(escapeXml(`Mallory "<b>" O'Hare & Co`)).toBe('Mallory &quot;&lt;b&gt;&quot; O&apos;Hare &amp; Co');
  });
});
