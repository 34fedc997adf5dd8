/**
 * The seed article's page budgets (bench/README.md, "Budgets"), built from content/: HTML + CSS
 * gzipped, JS bytes, image bytes a 375 px phone downloads against the original photos, the request
 * count, and the Largest Contentful Paint on a throttled mid-range phone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import type { Browser } from 'playwright-core';
import { launchBrowser, loadLazyImages } from '../tests/support/browser.ts';
import { serve } from '../tests/support/static-server.ts';

const seed = 'head-of-xiaomi-auto-charms-buyers';

export interface PageBudgets {
  htmlGzipKB: number;
  /** Every stylesheet the page applies, gzipped: linked files and its inline `<style>` elements. */
  cssGzipKB: number;
  /** The HTML (inline styles included) and the stylesheets it links, gzipped. Budget 20 KB. */
  htmlAndCssGzipKB: number;
  /** `<link rel="stylesheet">` elements: each holds back the first paint for a round trip. */
  renderBlockingStylesheets: number;
  /** Budget 0. */
  javascriptBytes: number;
  imageKBAt375: number;
  originalPhotosKB: number;
  requestsAt375: number;
  /** Median Largest Contentful Paint of cold loads on `midPhone`. Budget 1,500 ms. */
  mobileLcpMs: number;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/**
 * Lighthouse's mobile profile as DevTools applies it (lighthouse-core/config/constants.js,
 * `throttling.mobileSlow4G` and `screenEmulation.mobile`): a Moto G Power on slow 4G, 150 ms round
 * trips and 1.6 Mbit/s scaled by Lighthouse's factors for request-level throttling (× 3.75 latency,
 * × 0.9 throughput), the CPU 4× slower.
 */
export const midPhone = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  latencyMs: 150 * 3.75,
  downloadBytesPerSecond: ((1.6 * 1024 * 1024) / 8) * 0.9,
  uploadBytesPerSecond: ((750 * 1024) / 8) * 0.9,
  cpuSlowdown: 4,
};

/** Cold loads measured per page: the median damps a shared machine's noise. */
const lcpRuns = 5;

/** The Largest Contentful Paint of one cold load of `url` on `midPhone`, in milliseconds. */
async function largestContentfulPaint(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({
    viewport: midPhone.viewport,
    deviceScaleFactor: midPhone.deviceScaleFactor,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    const devtools = await context.newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: midPhone.latencyMs,
      downloadThroughput: midPhone.downloadBytesPerSecond,
      uploadThroughput: midPhone.uploadBytesPerSecond,
    });
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: midPhone.cpuSlowdown });
    await page.goto(url, { waitUntil: 'networkidle' });
    // The last entry is the page's LCP: a later, larger paint (a photo after the headline) replaces it.
    return await page.evaluate(
      () =>
        new Promise<number>((done) => {
          new PerformanceObserver((list) => {
            done(list.getEntries().at(-1)?.startTime ?? Number.NaN);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
}

/** The median mobile LCP of the page at `url`, in whole milliseconds. */
export async function mobileLcp(browser: Browser, url: string): Promise<number> {
  const runs: number[] = [];
  for (let run = 0; run < lcpRuns; run += 1) runs.push(await largestContentfulPaint(browser, url));
  runs.sort((a, b) => a - b);
  return Math.round(runs[Math.floor(runs.length / 2)]!);
}

/** Measures the seed article page of the site built in `dist`. */
export async function measurePage(dist: string): Promise<PageBudgets> {
  const html = readFileSync(join(dist, 'articles', seed, 'index.html'));
  const $ = cheerio.load(html);
  const stylesheets = $('link[rel="stylesheet"]')
    .map((_, link) => $(link).attr('href'))
    .get();
  const linkedCss = stylesheets.reduce(
    (sum, href) => sum + gzipSync(readFileSync(join(dist, href))).length,
    0,
  );
  const inlineCss = $('style')
    .map((_, style) => $(style).text())
    .get()
    .join('');
  const css = linkedCss + (inlineCss ? gzipSync(inlineCss).length : 0);
  const scripts = $('script:not([type="application/ld+json"])');
  const javascriptBytes = scripts
    .map((_, script) => {
      const src = $(script).attr('src');
      return src ? statSync(join(dist, src)).size : Buffer.byteLength($(script).text());
    })
    .get()
    .reduce((sum: number, bytes: number) => sum + bytes, 0);

  const photosDir = resolve('content/articles', seed);
  const originals = readdirSync(photosDir)
    .filter((file) => /\.(jpe?g|png|webp)$/i.test(file))
    .reduce((sum, file) => sum + statSync(join(photosDir, file)).size, 0);

  const server = await serve(dist);
  const browser = await launchBrowser();
  try {
    let requests = 0;
    let imageBytes = 0;
    const url = `${server.url}/articles/${seed}/`;
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    page.on('response', (response) => {
      requests += 1;
      if (response.request().resourceType() === 'image') {
        void response.body().then((body) => (imageBytes += body.length));
      }
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await loadLazyImages(page);
    await page.close();
    const htmlGzip = gzipSync(html).length;
    return {
      htmlGzipKB: kb(htmlGzip),
      cssGzipKB: kb(css),
      htmlAndCssGzipKB: kb(htmlGzip + linkedCss),
      renderBlockingStylesheets: stylesheets.length,
      javascriptBytes,
      imageKBAt375: kb(imageBytes),
      originalPhotosKB: kb(originals),
      requestsAt375: requests,
      mobileLcpMs: await mobileLcp(browser, url),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Builds content/ into `dist` and measures the seed article page. */
export async function pageBudgets(dist: string): Promise<PageBudgets> {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--outDir', dist], {
    encoding: 'utf8',
    env: { ...process.env, BROADSHEET_CONTENT: 'content' },
  });
  if (build.status !== 0) throw new Error(`content/ did not build:\n${build.stdout}\n${build.stderr}`);
  return measurePage(dist);
}

// Kept usable on its own: `node bench/page-budgets.ts [--measure <dist>]`, where --measure measures a
// site already built from content/ (another branch's, to compare) instead of building one.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { measure: { type: 'string' } } });
  console.log(
    values.measure
      ? await measurePage(resolve(values.measure))
      : await pageBudgets(resolve('bench/.work/seed-dist')),
  );
}
