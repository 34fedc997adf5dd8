import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  accessibilityViolations,
  launchBrowser,
  loadLazyImages,
  open,
  screenshot,
} from '../support/browser.ts';
import { fixtureIds } from '../support/fixture-site.ts';
import { serve } from '../support/static-server.ts';
import { fixtureSite } from '../support/sites.ts';

/**
 * Every page type of the fixture site at phone and desktop widths, light and dark: no serious
 * accessibility violation, no horizontal overflow, no errors; a screenshot of each for people to see.
 */

let browser: Browser;
let fixture: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  fixture = await serve(fixtureSite.dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await fixture.close();
});

const pageTypes = [
  ['front', '/'],
  ['section', '/news/'],
  ['article', `/articles/${fixtureIds.complete}/`],
  ['author', '/authors/avery-fixture/'],
  ['tag', '/tags/harbour/'],
  ['series', '/series/fixture-series/'],
  ['archive', '/archive/2025/12/'],
  ['static-page', '/about/'],
  ['search-results', '/search/?q=fixture'],
  ['not-found', '/no-such-page/'],
] as const;

describe.each(pageTypes)('the %s page', (name, path) => {
  test.each([
    { width: 375, colorScheme: 'light' },
    { width: 1280, colorScheme: 'light' },
    { width: 375, colorScheme: 'dark' },
    { width: 1280, colorScheme: 'dark' },
  ] as const)(
    'at $width px, $colorScheme: no serious accessibility violation, no overflow, no errors',
    async ({ width, colorScheme }) => {
      const { page, problems } = await open(browser, fixture.url + path, { width, colorScheme });
      await loadLazyImages(page);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      expect(problems.filter((problem) => !(name === 'not-found' && problem.includes('404')))).toEqual([]);
      await screenshot(page, `${name}-${width}-${colorScheme}`);
      await page.close();
    },
  );
});

test('a newspaper with a long name keeps its masthead on a 320 px phone, on as many lines as it needs', async () => {
  const { page } = await open(browser, fixture.url + '/', { width: 320, colorScheme: 'light' });
  // The site name comes from src/site.config.ts; a newsroom may call itself anything.
  const lines = await page.evaluate(() => {
    const name = document.querySelector<HTMLElement>('.masthead a')!;
    name.textContent = 'The Evening Synthetic Chronicle';
    return Math.round(name.getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight));
  });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  expect(lines).toBeGreaterThan(1);
  await screenshot(page, 'front-320-long-name');
  await page.close();
});

test.each([375, 1280])(
  'an upright lead photo stands in the middle of the page at %i px, as narrow as Figure.astro makes it',
  async (width) => {
    const { page } = await open(browser, fixture.url + `/articles/${fixtureIds.partOne}/`, {
      width,
      colorScheme: 'light',
    });
    const [figure, headline] = await page.evaluate(() =>
      ['.hero figure', 'h1'].map((selector) => {
        const box = document.querySelector(selector)!.getBoundingClientRect();
        return { left: box.left, right: box.right, width: box.width };
      }),
    );
    // Narrower than the page at desktop widths (Figure.astro: at most 26rem), and centred like the text.
    expect(figure!.width).toBeLessThanOrEqual(Math.min(width, 416) + 0.5);
    expect(Math.abs(figure!.left + figure!.right - width)).toBeLessThanOrEqual(1);
    expect(Math.abs(figure!.left + figure!.right - (headline!.left + headline!.right))).toBeLessThanOrEqual(
      1,
    );
    await screenshot(page, `article-upright-lead-${width}`);
    await page.close();
  },
);

// The byline's times and reading time wrap on a phone: a dot separates two of them on one line and
// never ends a line or starts one.
test.each([320, 375, 1280])(
  'the byline at %i px has a dot between its items only within a line',
  async (width) => {
    const { page } = await open(browser, fixture.url + `/articles/${fixtureIds.complete}/`, {
      width,
      colorScheme: 'light',
    });
    const { items, shown, column } = await page.evaluate(() => {
      const meta = document.querySelector('.byline .meta')!;
      // clip-path: inset(0px 0px 0px <left>): where the byline's drawing starts.
      const inset = /^inset\(0px 0px 0px ([\d.]+)px\)$/.exec(getComputedStyle(meta).clipPath);
      return {
        items: [...meta.children].map((item) => {
          const dot = getComputedStyle(item, '::before');
          return {
            top: Math.round(item.getBoundingClientRect().top),
            left: item.getBoundingClientRect().left,
            dot: dot.content,
            dotWidth: parseFloat(dot.width),
          };
        }),
        shown: inset ? meta.getBoundingClientRect().left + Number(inset[1]) : undefined,
        column: document.querySelector('.byline .authors')!.getBoundingClientRect().left,
      };
    });
    expect(items.length).toBeGreaterThan(2);
    // Each item brings its dot before it, and the byline is drawn from where its text column starts.
    for (const item of items) expect(item.dot).toBe('"·"');
    expect(shown).toBeDefined();
    expect(Math.abs(shown! - column)).toBeLessThanOrEqual(1);
    const startsLine = items.map((item, index) => index === 0 || item.top > items[index - 1]!.top);
    items.forEach((item, index) => {
      // A line's first item has its dot wholly left of the drawing, so its text starts at the
      // column; every other item's dot is drawn, between it and the item before on its line.
      if (startsLine[index]) expect(Math.abs(item.left + item.dotWidth - column)).toBeLessThanOrEqual(1);
      else expect(item.left).toBeGreaterThanOrEqual(column);
    });
    const lines = startsLine.filter(Boolean).length;
    // The fixture's byline wraps on a phone (the case that left a dot at a line's end) and not on
    // every line at a desktop's width.
    if (width <= 375) expect(lines).toBeGreaterThan(1);
    else expect(lines).toBeLessThan(items.length);
    await screenshot(page, `article-byline-${width}`);
    await page.close();
  },
);
