import { readFileSync, readdirSync } from 'node:fs';
import { load } from 'cheerio';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, open, screenshot } from '../support/browser.ts';
import { fixtureIds } from '../support/fixture-site.ts';
import { hostile } from '../support/hostile.ts';
import { serve } from '../support/static-server.ts';
import { emptySite, fixtureSite, gatingSites, seedSite } from '../support/sites.ts';

let browser: Browser;
let fixture: Awaited<ReturnType<typeof serve>>;
let seed: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  fixture = await serve(fixtureSite.dist);
  seed = await serve(seedSite.dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await fixture.close();
  await seed.close();
});

test('a reader goes from the front page to a section, an article, its author and a tag', async () => {
  const { page, problems } = await open(browser, fixture.url + '/', { width: 1280 });
  await page.locator('nav[aria-label="Sections"]').getByRole('link', { name: 'News' }).click();
  await page.waitForURL('**/news/');
  expect(await page.locator('h1').textContent()).toBe('News');
  await page.locator('.article-list .headline a', { hasText: 'Complete fixture story' }).first().click();
  await page.waitForURL(`**/articles/${fixtureIds.complete}/`);
  await page.locator('.byline').getByRole('link', { name: 'Rowan Testwell' }).click();
  await page.waitForURL('**/authors/rowan-testwell/');
  expect(await page.locator('h1').textContent()).toBe('Rowan Testwell');
  await page.locator('.article-list .headline a', { hasText: 'Complete fixture story' }).first().click();
  await page.locator('.tags').getByRole('link', { name: 'Harbour' }).click();
  await page.waitForURL('**/tags/harbour/');
  expect(await page.locator('h1').textContent()).toBe('Harbour');
  expect(problems).toEqual([]);
  await page.close();
});

test('search finds the seed article by a word from its body, with filters for section and author', async () => {
  const { page, problems } = await open(browser, seed.url + '/search/', { width: 1280 });
  await page.locator('.pagefind-ui__search-input').fill('Porsche-mi');
  const result = page.locator('.pagefind-ui__result-link').first();
  await result.waitFor({ timeout: 15_000 });
  expect(await result.textContent()).toContain('Head of Xiaomi Auto charms buyers');
  expect(await result.getAttribute('href')).toBe('/articles/head-of-xiaomi-auto-charms-buyers/');
  // Pagefind's interface adds each filter as the bundle that has it loads: wait for the last one.
  await page.locator('.pagefind-ui__filter-name', { hasText: /author/i }).waitFor({ timeout: 15_000 });
  const filters = await page.locator('.pagefind-ui__filter-name').allTextContents();
  expect(filters.map((name) => name.trim().toLowerCase())).toEqual(
    expect.arrayContaining(['section', 'author']),
  );
  expect(problems).toEqual([]);
  await screenshot(page, 'search-1280-light');
  await page.close();
});

test('the search field has a visible label, not only a placeholder that typing hides (axe label-title-only)', async () => {
  const { page, problems } = await open(browser, seed.url + '/search/', { width: 375 });
  const input = page.getByLabel('Search the articles', { exact: true });
  await input.waitFor({ timeout: 15_000 });
  expect(await input.evaluate((element) => element.classList.contains('pagefind-ui__search-input'))).toBe(
    true,
  );
  await input.fill('Porsche');
  expect(await page.getByText('Search the articles', { exact: true }).isVisible()).toBe(true);
  expect(problems).toEqual([]);
  await page.close();
});

test('search finds articles by a tag that is in no headline or text: 港口 finds every article its tag page lists', async () => {
  const listed = load(readFileSync(join(fixtureSite.dist, 'tags', '港口', 'index.html'), 'utf8'))(
    '.article-list .headline a',
  ).length;
  expect(listed).toBeGreaterThan(0);
  const { page, problems } = await open(browser, fixture.url + '/search/?q=港口', { width: 1280 });
  const message = page.locator('.pagefind-ui__message');
  await message.waitFor({ timeout: 15_000 });
  await expect.poll(() => message.textContent()).toMatch(/^\d+ results? for 港口$/);
  expect(Number((await message.textContent())!.split(' ')[0])).toBeGreaterThanOrEqual(listed);
  expect(problems).toEqual([]);
  await page.close();
});

test.each([375, 1280])(
  'at %i px, the section links over front-page headlines are tap targets of at least 24×24 CSS px',
  async (width) => {
    const { page, problems } = await open(browser, fixture.url + '/', { width });
    const sizes = await page
      .locator('.card .kicker a')
      .evaluateAll((links) =>
        links.map((link) => link.getBoundingClientRect()).map(({ width, height }) => ({ width, height })),
      );
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.filter((size) => size.width < 24 || size.height < 24)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  },
);

test('search shows hostile headlines and text literally: nothing in the index runs or becomes markup', async () => {
  const gating = await serve(gatingSites.after.dist);
  const { page, problems } = await open(browser, gating.url + '/search/', { width: 1280 });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.locator('.pagefind-ui__search-input').fill('handler');
  const result = page.locator('.pagefind-ui__result', {
    has: page.locator(`a[href="/articles/${hostile.id}/"]`),
  });
  await result.waitFor({ timeout: 15_000 });
  expect(await result.locator('.pagefind-ui__result-link').textContent()).toContain(hostile.title);
  expect(await result.locator('.pagefind-ui__result-excerpt').textContent()).toContain(
    'Paragraph with a handler.',
  );
  const results = page.locator('.pagefind-ui__results');
  expect(await results.locator('script, img[src="x"], b, [onerror], [onclick]').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
  await gating.close();
});

test('search merges every shard of the index: a word in every generated headline finds them all', async () => {
  const generated = readdirSync(join(fixtureSite.dist, 'articles')).filter((id) =>
    id.startsWith('generated-story-'),
  ).length;
  expect(generated).toBeGreaterThan(100);
  const { page, problems } = await open(browser, fixture.url + '/search/?q=generated', { width: 375 });
  const message = page.locator('.pagefind-ui__message');
  await message.waitFor({ timeout: 15_000 });
  await expect.poll(() => message.textContent()).toMatch(/^\d+ results? for generated$/);
  expect(Number((await message.textContent())!.split(' ')[0])).toBeGreaterThanOrEqual(generated);
  await screenshot(page, 'search-375-light');
  expect(problems).toEqual([]);
  await page.close();
});

test('search does not index navigation: a word only in the site chrome finds nothing', async () => {
  const { page } = await open(browser, seed.url + '/search/?q=Skip', { width: 375 });
  await page.locator('.pagefind-ui__message').waitFor({ timeout: 15_000 });
  await expect.poll(() => page.locator('.pagefind-ui__message').textContent()).toMatch(/No results/i);
  await page.close();
});

test('before the first article, the search page says nothing is published yet, without a failed request', async () => {
  const empty = await serve(emptySite.dist);
  const { page, problems } = await open(browser, empty.url + '/search/', { width: 375 });
  await expect.poll(() => page.locator('#search').textContent()).toBe('Nothing has been published yet.');
  await screenshot(page, 'search-empty-375-light');
  expect(problems).toEqual([]);
  await page.close();
  await empty.close();
});

test('the search page says plainly that it needs JavaScript when it is off', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(seed.url + '/search/');
  expect(await page.locator('noscript').innerHTML()).toContain('Search needs JavaScript');
  await context.close();
});
