import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { outputRoot } from './build-site.ts';

/**
 * The Chromium to run: CHROMIUM_PATH if set, else the build that `npm install` brought
 * (@sparticuz/chromium), which unpacks itself into the temporary folder on first use. The global
 * setup calls this once before any test file: two files unpacking it at once on a new machine would
 * start a half-written binary (ETXTBSY).
 */
export async function chromiumPath(): Promise<string> {
  return process.env['CHROMIUM_PATH'] || (await import('@sparticuz/chromium')).default.executablePath();
}

/** Starts headless Chromium. Fails with what to do when it does not start: browser tests never skip. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await chromiumPath();
  try {
    return await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--font-render-hinting=none',
      ],
    });
  } catch (error) {
    throw new Error(
      `Chromium did not start (${String(error)}).\n` +
        'Run `npm install` to get @sparticuz/chromium, or point CHROMIUM_PATH at a Chromium binary ' +
        '(e.g. `apt-get install chromium` and CHROMIUM_PATH=/usr/bin/chromium).',
    );
  }
}

/** Where browser tests save screenshots for people to look at. */
export const screenshots = join(outputRoot, 'screenshots');

/** Opens `url` and records console errors, page errors and failed or 4xx/5xx requests while it loads. */
export async function open(
  browser: Browser,
  url: string,
  { width, colorScheme = 'light' }: { width: number; colorScheme?: 'light' | 'dark' },
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page cancels its pending image requests; that is not a failure.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, problems };
}

/** Scrolls through the page so that lazy images load, then back to the top. */
export async function loadLazyImages(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < height; y += 700) await page.mouse.wheel(0, 700);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

/** Serious and critical axe-core violations on the page. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol rather than added as a <script>: the page's CSP
  // rightly blocks inline scripts, and the check must run under that CSP.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<AxeResult> } }).axe.run(),
  );
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** Saves a full-page screenshot as tests/.output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}
