// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { cmsAdmin } from './src/integrations/cms-admin.ts';
import { previewSearch } from './src/integrations/preview-search.ts';
import { pruneAssets } from './src/integrations/prune-assets.ts';
import { storeModuleFromFile } from './src/integrations/store-from-file.ts';
import { join } from 'node:path';
import { astroCacheDir, buildPartition, contentRoot, sitePagesFile } from './src/lib/env.ts';
import { isNewest } from './src/lib/partitions.ts';
import { readSitePages } from './src/lib/site-pages.ts';
import { absoluteUrl } from './src/lib/urls.ts';
import { markdownProcessor } from './src/markdown/index.ts';
import { site } from './src/site.config.ts';

/**
 * The newest partition of a partitioned build (src/lib/partitions.ts), or the whole site, writes the
 * sitemaps; the others write none. Both list and date pages from the record of the site's pages that
 * the build's route producers write (src/lib/site-pages.ts), read once the pages are built: a
 * partitioned build's other partitions may be built after this one, or not at all, and pages that
 * did not change are not rendered.
 */
const partition = buildPartition();
const record = sitePagesFile();
/** @type {import('./src/lib/site-pages.ts').SitePages | undefined} */
let pages;
const sitePages = () => (pages ??= record ? readSitePages(record) : { years: {}, pages: [] });
/** @type {Map<string, string> | undefined} */
let dates;

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  cacheDir: astroCacheDir(),
  prerenderConflictBehavior: 'error',
  // Pages whose cacheKey (src/lib/cache-keys.ts) and code are unchanged are copied from the previous
  // build instead of rendered: an edit re-renders only the pages that show it.
  experimental: { incrementalBuild: true },
  // Every page's CSS in <style> elements (about 5 KB gzipped on an article): a linked stylesheet
  // holds back the first paint for one more round trip, 600 ms on a mid-range phone on 4G, where
  // most readers arrive from a shared link with nothing cached (issue 12). The CSP below hashes them.
  build: {
    inlineStylesheets: 'always',
    // Four pages at a time: a page spends much of its render waiting on the disk (its body, its
    // output, Astro's page cache), which one page at a time leaves idle. Rendering the 13,800 pages
    // of a cold 10,000-article bench build took 63–70 s instead of 85, the same bytes (bench/README.md).
    concurrency: 4,
  },
  // A Content-Security-Policy <meta> on every page, with hashes of its inline styles and scripts
  // (docs/architecture.md, guarantee 3). Pagefind's search runs WebAssembly, hence 'wasm-unsafe-eval'.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        `frame-src ${site.embedHosts.map((host) => `https://${host}`).join(' ') || "'none'"}`,
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  // No syntax highlighting: Shiki's inline styles cannot run under the CSP, and news copy has no code.
  markdown: { processor: markdownProcessor, syntaxHighlight: false },
  image: {
    service: {
      entrypoint: 'astro/assets/services/sharp',
      // Encoder effort chosen for build time on two cores; see bench/README.md.
      config: { avif: { quality: 55, effort: 2 }, webp: { quality: 76, effort: 4 } },
    },
  },
  vite: {
    // Vite's own cache beside Astro's, one per content root: two builds of different content (the
    // test suite's lanes share node_modules) would otherwise race to rename node_modules/.vite/deps.
    cacheDir: join(astroCacheDir(), 'vite'),
    // The test suite and builds write thousands of files the dev server need not watch.
    server: { watch: { ignored: ['**/tests/.output/**', '**/dist/**', '**/.*.staging/**', '**/bench/**'] } },
  },
  integrations: [
    storeModuleFromFile(astroCacheDir()),
    isNewest(partition) &&
      sitemap({
        // The news sitemap and feeds are listed in robots.txt; the sitemap holds pages.
        filter: (page) => !page.endsWith('/search/'),
        // Read when the sitemap is written, after this build's pages: every dated page of the site,
        // also those that other partitions render or that were not rendered again (scripts/build.ts
        // links them from the last build). The sitemap drops the ones it also found and sorts them.
        get customPages() {
          return sitePages().pages.map(({ path }) => absoluteUrl(path, site.url));
        },
        // Every page is dated by the date it states: an article's last change, a listing's newest.
        serialize: (item) => {
          dates ??= new Map(
            sitePages().pages.flatMap(({ path, updated }) =>
              updated ? [[new URL(absoluteUrl(path, site.url)).pathname, updated]] : [],
            ),
          );
          const changed = dates.get(new URL(item.url).pathname);
          return changed ? { ...item, lastmod: changed } : item;
        },
      }),
    pruneAssets(),
    previewSearch(),
    // After pruneAssets, which need not read the CMS's bundle.
    cmsAdmin({
      contentRoot: contentRoot(),
      backend: site.cmsBackend,
      siteUrl: site.url,
      timezone: site.timezone,
      writes: isNewest(partition),
    }),
  ],
});
