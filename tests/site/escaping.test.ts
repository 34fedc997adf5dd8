import { load } from 'cheerio';
import Parser from 'rss-parser';
import { describe, expect, test } from 'vitest';
import { smarten } from '../../src/lib/typography.ts';
import { site } from '../../src/site.config.ts';
import { jsonLd, page, readText } from '../support/dist.ts';
import { hostile } from '../support/hostile.ts';
import { gatingSites } from '../support/sites.ts';

const dist = gatingSites.before.dist;
const url = `/articles/${hostile.id}/`;
const $ = page(dist, url);
const article = $('main article');

describe('hostile editor text on the article page renders as text', () => {
  test.each([
    ['headline', () => $('h1').text(), smarten(hostile.title)],
    ['standfirst', () => article.find('.head .standfirst').text(), smarten(hostile.standfirst)],
    ['author name', () => article.find('.byline a[rel="author"]').text(), hostile.author],
    ['caption', () => article.find('.hero .caption').text(), smarten(hostile.caption)],
    ['credit', () => article.find('.hero .credit').text(), hostile.credit],
    ['alt text', () => article.find('.hero img').attr('alt'), hostile.alt],
    ['tag', () => article.find('.tags a').text(), hostile.tag],
    ['page title', () => $('title').text(), `${smarten(hostile.title)} | ${site.name}`],
    ['description meta', () => $('meta[name="description"]').attr('content'), smarten(hostile.standfirst)],
    ['og:title meta', () => $('meta[property="og:title"]').attr('content'), smarten(hostile.title)],
  ])('the %s', (_, actual, expected) => {
    expect(actual()).toBe(expected);
  });

  test("the editor's note and the correction", () => {
    expect(article.find('.editors-note').text()).toContain(smarten(hostile.note));
    expect(article.find('.corrections li').text()).toContain(smarten(hostile.correction));
  });

  test('no element was injected: the only scripts are the JSON-LD blocks, no handlers anywhere', () => {
    expect($('script:not([type="application/ld+json"])')).toHaveLength(0);
    expect($('b, i').length).toBe(0);
    const handlers = $('*')
      .toArray()
      .flatMap((element) => Object.keys($(element).attr() ?? {}).filter((name) => name.startsWith('on')));
    expect(handlers).toEqual([]);
  });

  test('JSON-LD parses and carries the headline, the author and the correction literally', () => {
    const [news] = jsonLd($);
    expect(news).toMatchObject({
      headline: smarten(hostile.title),
      author: [{ name: hostile.author }],
      correction: [{ text: smarten(hostile.correction) }],
    });
    const raw = $('script[type="application/ld+json"]').first().html() ?? '';
    expect(raw).not.toContain('</script');
    expect(raw).not.toContain('<');
  });
});

describe('raw HTML in the article body passes the allowlist', () => {
  const body = article.find('.prose');

  test('scripts, handlers, javascript: and data: links, styles and forms are removed', () => {
    expect(body.find('script, style, form, input')).toHaveLength(0);
    const hrefs = body
      .find('a')
      .toArray()
      .map((a) => $(a).attr('href') ?? '');
    expect(hrefs.filter((href) => /^(javascript|data):/i.test(href))).toEqual([]);
    expect(body.text()).not.toContain('display: none');
    expect(body.text()).not.toContain('alert');
  });

  test('an embed from an allowed host becomes a lazy, sandboxed iframe with its title', () => {
    const iframe = body.find('.embed iframe');
    expect(iframe).toHaveLength(1);
    expect(iframe.attr('src')).toBe('https://www.youtube-nocookie.com/embed/synthetic');
    expect(iframe.attr('title')).toBe('A synthetic video');
    expect(iframe.attr('loading')).toBe('lazy');
    expect(iframe.attr('sandbox')).toContain('allow-scripts');
    expect(iframe.attr('onload')).toBeUndefined();
    expect($('meta[http-equiv="content-security-policy"]').attr('content')).toContain(
      'frame-src https://www.youtube-nocookie.com',
    );
  });

  test('legitimate content survives: text, links text, tables, quotations, footnotes', () => {
    expect(body.text()).toContain('Paragraph with a handler.');
    expect(body.text()).toContain('javascript link');
    expect(body.find('table td em').text()).toBe('kept');
    expect(body.find('blockquote').text()).toContain('A legitimate quotation survives.');
    expect(body.find('section.footnotes, [data-footnotes]').text()).toContain('The footnote survives.');
  });
});

describe('hostile text in feeds and sitemaps', () => {
  test('RSS parses and carries the headline, author and correction literally', async () => {
    const xml = readText(dist, 'rss.xml');
    const feed = await new Parser<Record<string, never>, { creator?: string }>().parseString(xml);
    const item = feed.items.find((each) => each.link?.endsWith(url));
    expect(item?.title).toBe(smarten(hostile.title));
    expect(item?.creator).toBe(hostile.author);
    expect(item?.['content:encoded' as keyof typeof item]).toContain('Correction');
    expect(xml).not.toContain('<script>alert');
  });

  test('the JSON Feed parses and carries the headline literally', () => {
    const feed = JSON.parse(readText(dist, 'feed.json')) as {
      items: { url: string; title: string; content_html: string }[];
    };
    const item = feed.items.find((each) => each.url.endsWith(url));
    expect(item?.title).toBe(smarten(hostile.title));
    expect(load(item?.content_html ?? '')('script')).toHaveLength(0);
  });

  test('the sitemap and the author feed parse', async () => {
    const sitemap = load(readText(dist, 'sitemap-0.xml'), { xml: true });
    expect(
      sitemap('loc')
        .toArray()
        .some((loc) => sitemap(loc).text().endsWith(url)),
    ).toBe(true);
    const feed = await new Parser().parseString(readText(dist, 'authors/mallory/rss.xml'));
    expect(feed.title).toBe(`${hostile.author} | ${site.name}`);
  });
});
