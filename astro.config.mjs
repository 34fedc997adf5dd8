// @ts-check
import { defineConfig } from 'astro/config';
import { cmsAdmin } from './src/integrations/cms-admin.ts';
import { previewSearch } from './src/integrations/preview-search.ts';
import { pruneAssets } from './src/integrations/prune-assets.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { contentPhotos } from './src/integrations/content-photos.ts';
import { contentStore } from './src/integrations/content-store.ts';
import { wholeLog } from './src/integrations/whole-log.ts';
import { join } from 'node:path';
import { astroCacheDir, buildPartition, contentRoot, sitePagesFile } from './src/lib/env.ts';
import { isNewest } from './src/lib/partitions.ts';
import { markdownProcessor } from './src/markdown/index.ts';
import { site } from './src/site.config.ts';

/**
 * The newest partition of a partitioned build (src/lib/partitions.ts), or the whole site, writes the
 * sitemaps (src/integrations/sitemap.ts); the others write none.
 */
const partition = buildPartition();

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
    contentStore(astroCacheDir()),
    contentPhotos(),
    isNewest(partition) && sitemap({ siteUrl: site.url, record: sitePagesFile() }),
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
    // Last: the build script reads Astro's log, and none of it may be lost when Astro exits.
    wholeLog(),
  ],
});
