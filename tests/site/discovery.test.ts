import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { load } from 'cheerio';
import { site } from '../../src/site.config.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesIn, page, readText, searchIndexUrls } from '../support/dist.ts';
import { onSite, onSitePattern } from '../support/expected.ts';
import { fixtureIds } from '../support/fixture-site.ts';
import { fixtureManifest, fixtureSite } from '../support/sites.ts';

const dist = fixtureSite.dist;

describe('sitemaps and robots.txt', () => {
  test('the news sitemap holds exactly the articles published in the 48 hours before the build clock', () => {
    const $ = load(readText(dist, 'news-sitemap.xml'), { xml: true });
    const now = Date.parse(fixtureSite.now);
    const expected = fixtureManifest()
      .filter((entry) => entry.published && now - Date.parse(entry.publishedAt) <= 48 * 3_600_000)
      .map((entry) => onSite(`/articles/${entry.id}/`))
      .sort();
    const listed = $('url > loc')
      .toArray()
      .map((loc) => $(loc).text())
      .sort();
    expect(expected).toHaveLength(3);
    expect(listed).toEqual(expected);
    expect($('news\\:publication news\\:name').first().text()).toBe(site.name);
    expect($('news\\:publication news\\:language').first().text()).toBe(site.language);
  });

  test('the sitemap lists every article with its last modification', () => {
    const index = readText(dist, 'sitemap-index.xml');
    expect(index).toContain(onSite('/sitemap-0.xml'));
    const $ = load(readText(dist, 'sitemap-0.xml'), { xml: true });
    const urls = $('url')
      .toArray()
      .map((url) => ({ loc: $(url).find('loc').text(), lastmod: $(url).find('lastmod').text() }));
    const articles = urls.filter((url) => url.loc.includes('/articles/'));
    expect(articles).toHaveLength(fixtureManifest().filter((entry) => entry.published).length);
    const complete = articles.find((url) => url.loc.endsWith(`/articles/${fixtureIds.complete}/`));
    expect(complete?.lastmod).toBe('2026-01-11T02:00:00.000Z');
    expect(urls.some((url) => url.loc.endsWith('/search/'))).toBe(false);
  });

  test('the sitemap dates every listing page by the newest change among the articles it shows', () => {
    const $ = load(readText(dist, 'sitemap-0.xml'), { xml: true });
    const dates = new Map<string, number>();
    const modified = (url: string) => {
      if (!dates.has(url))
        dates.set(
          url,
          Date.parse(page(dist, url)('meta[property="article:modified_time"]').attr('content') ?? ''),
        );
      return dates.get(url)!;
    };
    const listings = $('url')
      .toArray()
      .map((url) => ({
        path: new URL($(url).find('loc').text()).pathname,
        lastmod: $(url).find('lastmod').text(),
      }))
      .map(({ path, lastmod }) => {
        const $page = page(dist, decodeURIComponent(path));
        const shown = $page('main a[href^="/articles/"]')
          .toArray()
          .map((link) => modified($page(link).attr('href') ?? ''));
        return { path, lastmod, shown };
      })
      // Article pages link related articles too, but are dated by their own change (test above).
      .filter(({ path, shown }) => !path.startsWith('/articles/') && shown.length > 0);
    const kinds = new Set(listings.map(({ path }) => path.split('/')[1]));
    expect([...kinds]).toEqual(expect.arrayContaining(['', 'news', 'tags', 'authors', 'archive', 'series']));
    for (const { path, lastmod, shown } of listings)
      expect(`${path} ${lastmod}`).toBe(`${path} ${new Date(Math.max(...shown)).toISOString()}`);
  });

  test('robots.txt keeps crawlers out of the CMS', () => {
    expect(readText(dist, 'robots.txt').split('\n')).toContain('Disallow: /admin/');
  });

  test('robots.txt names both sitemaps', () => {
    const robots = readText(dist, 'robots.txt');
    expect(robots).toContain(`Sitemap: ${onSite('/sitemap-index.xml')}`);
    expect(robots).toContain(`Sitemap: ${onSite('/news-sitemap.xml')}`);
  });
});

describe.each([
  ['front page', '/'],
  ['section', '/news/'],
  ['author', '/authors/avery-fixture/'],
  ['tag', '/tags/harbour/'],
  ['series', '/series/fixture-series/'],
  ['archive', '/archive/2025/'],
  ['static page', '/about/'],
  ['search', '/search/'],
])('every page type: the %s', (_, url) => {
  const $ = page(dist, url);

  test('has a canonical URL, a description, link preview tags and the site feed', () => {
    expect($('link[rel="canonical"]').attr('href')).toBe(onSite(url));
    expect($('meta[name="description"]').attr('content')).toBeTruthy();
    expect($('meta[property="og:title"]').attr('content')).toBeTruthy();
    expect($('meta[property="og:image"]').attr('content')).toMatch(onSitePattern('/'));
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    expect($('link[rel="alternate"][type="application/rss+xml"][href="/rss.xml"]')).toHaveLength(1);
  });

  test('has exactly one h1, a skip link and the section navigation', () => {
    expect($('h1')).toHaveLength(1);
    expect($('a.skip-link[href="#main"]')).toHaveLength(1);
    expect($('nav[aria-label="Sections"] a[href="/news/"]')).toHaveLength(1);
  });
});

describe('the editors’ CMS at /admin/', () => {
  test('is built from the npm package: its page, its generated config and every script it loads', () => {
    const $ = page(dist, '/admin/');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    const scripts = $('script')
      .toArray()
      .map((script) => $(script).attr('src') ?? 'inline');
    expect(scripts).toEqual(['/admin/decap-cms.js']);
    expect(existsSync(join(dist, 'admin/decap-cms.js'))).toBe(true);
    expect(readText(dist, 'admin/config.yml')).toContain('publish_mode: editorial_workflow');
  });

  test('is in no sitemap, feed or search index', () => {
    const announcements = filesIn(dist).filter(
      (file) => /\.(?:xml|json)$/.test(file) && !/^(?:admin|pagefind)\//.test(file),
    );
    expect(announcements).toEqual(expect.arrayContaining(['sitemap-0.xml', 'rss.xml', 'feed.json']));
    expect(
      announcements.filter((file) => readFileSync(join(dist, file), 'utf8').includes('/admin/')),
    ).toEqual([]);
    expect(searchIndexUrls(dist).filter((url) => url.includes('/admin/'))).toEqual([]);
  });
});

test('the not-found page asks not to be indexed and names no canonical URL of its own', () => {
  const $ = page(dist, '/404.html');
  expect($('meta[name="robots"]').attr('content')).toBe('noindex');
  expect($('link[rel="canonical"]')).toHaveLength(0);
  expect($('meta[property="og:url"]')).toHaveLength(0);
});

/** The CSP source that lets one inline `<style>` or `<script>` with this content run: its SHA-256. */
const hashSource = (content: string) => `'sha256-${createHash('sha256').update(content).digest('base64')}'`;

/** One directive of a policy, e.g. `style-src 'self' 'sha256-…'`. */
const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `)) ?? '';

describe.each([
  ['/', fixtureSite.dist],
  ['/search/', fixtureSite.dist],
  ['/news/', fixtureSite.dist],
  ['/404.html', fixtureSite.dist],
  [`/articles/${fixtureIds.complete}/`, fixtureSite.dist],
])('%s carries a strict Content-Security-Policy', (url, dist) => {
  const $ = page(dist, url);
  const policy = $('meta[http-equiv="content-security-policy"]').attr('content') ?? '';

  test('no inline script or style runs without a hash', () => {
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toContain('unsafe-inline');
  });

  test("that allows each of the page's inline styles and scripts by its hash", () => {
    const inline = (selector: string) =>
      $(selector)
        .toArray()
        .map((element) => $(element).text());
    // The page's CSS is inline (build.inlineStylesheets): a style the policy refused would leave it bare.
    const styles = inline('style');
    expect(styles.length).toBeGreaterThan(0);
    for (const style of styles) expect(directive(policy, 'style-src')).toContain(hashSource(style));
    // JSON-LD is data, never run, so the policy does not govern it.
    for (const script of inline('script:not([src]):not([type="application/ld+json"])'))
      expect(directive(policy, 'script-src')).toContain(hashSource(script));
    // A <meta> policy governs only what follows it.
    expect($('head > meta[http-equiv="content-security-policy"] ~ style')).toHaveLength(styles.length);
  });
});

test('an article page links no stylesheet: its CSS is inline and small, so nothing holds back the first paint', () => {
  const $ = page(fixtureSite.dist, `/articles/${fixtureIds.complete}/`);
  expect($('link[rel="stylesheet"]')).toHaveLength(0);
  const css = $('style')
    .toArray()
    .map((element) => $(element).text())
    .join('');
  // With the head, it must arrive in the first round trip of a new connection (ten packets, 14 KB).
  expect(gzipSync(css).length).toBeLessThan(8 * 1024);
});
