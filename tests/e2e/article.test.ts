import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser';
import { outputRoot } from '../support/build-site';
import { serve } from '../support/static-server';
import { newsroomSite } from '../support/sites';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = join(outputRoot, 'screenshots');
const seed = '/articles/head-of-xiaomi-auto-charms-buyers/';

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await serve(newsroomSite.dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

/** Opens `path` and records console errors and failed requests while it loads. */
async function open(path: string, width: number, colorScheme: 'light' | 'dark' = 'light') {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  return { page, problems };
}

/** Scrolls through the page so that lazy images load, then back to the top. */
async function loadLazyImages(page: Page) {
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < height; y += 700) await page.mouse.wheel(0, 700);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
}

/** Serious and critical axe-core violations on the page. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run();
  });
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

describe.each([
  { width: 375, colorScheme: 'light' },
  { width: 1280, colorScheme: 'light' },
  { width: 375, colorScheme: 'dark' },
  { width: 1280, colorScheme: 'dark' },
] as const)('the seed article at $width px, $colorScheme', ({ width, colorScheme }) => {
  test('shows the headline and every photo, loads without errors and has no serious accessibility violation', async () => {
    const { page, problems } = await open(seed, width, colorScheme);
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Head of Xiaomi Auto charms buyers with decorum in personal marketing');
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
    await page.screenshot({
      path: join(screenshots, `seed-article-${width}-${colorScheme}.png`),
      fullPage: true,
    });
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
  await expect.poll(() => page.locator('.prose p').count()).toBeGreaterThan(30);
  expect(await page.locator('article figure').count()).toBe(3);
  await context.close();
});

test('the accessibility check does report a serious violation when there is one', async () => {
  const page = await browser.newPage();
  await page.setContent(
    '<!doctype html><html lang="en"><title>t</title><img src="x.png"><a href="/"></a></html>',
  );
  expect(await accessibilityViolations(page)).not.toEqual([]);
  await page.close();
});
