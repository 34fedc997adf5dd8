import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  accessibilityViolations,
  launchBrowser,
  loadLazyImages,
  open,
  screenshot,
} from '../support/browser.ts';
import { serve } from '../support/static-server.ts';
import { seedSite } from '../support/sites.ts';

const seed = '/articles/head-of-xiaomi-auto-charms-buyers/';

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  server = await serve(seedSite.dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

describe.each([
  { width: 375, colorScheme: 'light' },
  { width: 1280, colorScheme: 'light' },
  { width: 375, colorScheme: 'dark' },
  { width: 1280, colorScheme: 'dark' },
] as const)('the seed article at $width px, $colorScheme', ({ width, colorScheme }) => {
  test('shows the headline and every photo, loads without errors and has no serious accessibility violation', async () => {
    const { page, problems } = await open(browser, server.url + seed, { width, colorScheme });
    expect(await page.locator('h1').textContent()).toBe(
      'Head of Xiaomi Auto charms buyers with decorum in personal marketing',
    );
    await loadLazyImages(page);
    const images = await page.locator('article figure img').evaluateAll((elements) =>
      (elements as HTMLImageElement[]).map((img) => ({
        loaded: img.complete && img.naturalWidth > 0,
        width: img.clientWidth,
      })),
    );
    expect(images).toHaveLength(3);
    for (const image of images) {
      expect(image.loaded).toBe(true);
      expect(image.width).toBeGreaterThan(200);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await screenshot(page, `seed-article-${width}-${colorScheme}`);
    await page.close();
  });
});

test('the seed article reads without JavaScript', async () => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 375, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(server.url + seed);
  expect(await page.locator('.prose p').count()).toBeGreaterThan(30);
  expect(await page.locator('article figure').count()).toBe(3);
  await context.close();
});

test('the article prints without navigation, with its captions', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.goto(server.url + seed, { waitUntil: 'networkidle' });
  await page.emulateMedia({ media: 'print' });
  const visible = async (selector: string) => page.locator(selector).first().isVisible();
  expect(await visible('nav[aria-label="Sections"]')).toBe(false);
  expect(await visible('.site-footer')).toBe(false);
  expect(await visible('figcaption')).toBe(true);
  await page.close();
});

test('the accessibility check does report a serious violation when there is one', async () => {
  const page = await browser.newPage();
  await page.setContent(
    '<!doctype html><html lang="en"><title>t</title><img src="x.png"><a href="/"></a></html>',
  );
  expect(await accessibilityViolations(page)).not.toEqual([]);
  await page.close();
});

test('the page runs under a Content-Security-Policy that blocks injected inline scripts', async () => {
  const { page, problems } = await open(browser, server.url + seed, { width: 1280 });
  const outcome = await page.evaluate(async () => {
    const flag = window as unknown as { injected?: boolean };
    const violation = new Promise<string>((resolve) => {
      document.addEventListener(
        'securitypolicyviolation',
        (event) => {
          resolve(event.effectiveDirective);
        },
        { once: true },
      );
    });
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.append(script);
    // An allowed inline script has run once it is appended; a blocked one raises a violation instead.
    if (flag.injected === true) return { ran: true, directive: '' };
    return { ran: false, directive: await violation };
  });
  expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
  await expect.poll(() => problems.some((problem) => problem.includes('Content Security Policy'))).toBe(true);
  await page.close();
});
