/**
 * The seed article's page budgets (bench/README.md, "Budgets"), built from content/: HTML + CSS
 * gzipped, JS bytes, image bytes a 375 px phone downloads against the original photos, and the
 * request count.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { launchBrowser, loadLazyImages } from '../tests/support/browser.ts';
import { serve } from '../tests/support/static-server.ts';

const seed = 'head-of-xiaomi-auto-charms-buyers';

export interface PageBudgets {
  htmlGzipKB: number;
  cssGzipKB: number;
  /** Budget 20 KB. */
  htmlAndCssGzipKB: number;
  /** Budget 0. */
  javascriptBytes: number;
  imageKBAt375: number;
  originalPhotosKB: number;
  requestsAt375: number;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** Builds content/ into `dist` and measures the seed article page. */
export async function pageBudgets(dist: string): Promise<PageBudgets> {
  const build = spawnSync(
    process.execPath,
    [resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--outDir', dist],
    {
      encoding: 'utf8',
      env: { ...process.env, BROADSHEET_CONTENT: 'content' },
    },
  );
  if (build.status !== 0) throw new Error(`content/ did not build:\n${build.stdout}\n${build.stderr}`);
  const html = readFileSync(join(dist, 'articles', seed, 'index.html'));
  const $ = cheerio.load(html);
  const stylesheets = $('link[rel="stylesheet"]')
    .map((_, link) => $(link).attr('href'))
    .get();
  const css = stylesheets.reduce((sum, href) => sum + gzipSync(readFileSync(join(dist, href))).length, 0);
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
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    page.on('response', (response) => {
      requests += 1;
      if (response.request().resourceType() === 'image') {
        void response.body().then((body) => (imageBytes += body.length));
      }
    });
    await page.goto(`${server.url}/articles/${seed}/`, { waitUntil: 'networkidle' });
    await loadLazyImages(page);
    await page.close();
    const htmlGzip = gzipSync(html).length;
    return {
      htmlGzipKB: kb(htmlGzip),
      cssGzipKB: kb(css),
      htmlAndCssGzipKB: kb(htmlGzip + css),
      javascriptBytes,
      imageKBAt375: kb(imageBytes),
      originalPhotosKB: kb(originals),
      requestsAt375: requests,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

// Kept usable on its own: `tsx bench/page-budgets.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await pageBudgets(resolve('bench/.work/seed-dist')));
}
