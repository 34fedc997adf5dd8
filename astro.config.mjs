// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { cmsAdmin } from './src/integrations/cms-admin';
import { previewSearch } from './src/integrations/preview-search';
import { pruneAssets } from './src/integrations/prune-assets';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPartition, cacheDirFor, contentRoot, earlierPartitionOutputs } from './src/lib/env';
import { isNewest } from './src/lib/partitions';
import { folderOfPage, pageLastModified, pageUrlsIn } from './src/lib/sitemap';
import { markdownProcessor } from './src/markdown';
import { site } from './src/site.config';

/** Where the build writes the site (scripts/build.ts sets it), for the sitemap to read pages' dates. */
let outDir = '';
/**
 * In a partitioned build (src/lib/partitions.ts), the newest partition writes the sitemaps, listing
 * with its own pages those of the partitions built before it; the others write none.
 */
const earlier = earlierPartitionOutputs();
const writesSitemap = isNewest(buildPartition());

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  cacheDir: cacheDirFor(contentRoot()),
  prerenderConflictBehavior: 'error',
  // Pages whose cacheKey (src/lib/cache-keys.ts) and code are unchanged are copied from the previous
  // build instead of rendered: an edit re-renders only the pages that show it.
  experimental: { incrementalBuild: true },
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
    cacheDir: join(cacheDirFor(contentRoot()), 'vite'),
    // The test suite and builds write thousands of files the dev server need not watch.
    server: { watch: { ignored: ['**/tests/.output/**', '**/dist/**', '**/.*.staging/**', '**/bench/**'] } },
  },
  integrations: [
    {
      name: 'broadsheet:out-dir',
      hooks: {
        'astro:config:done': ({ config }) => {
          outDir = fileURLToPath(config.outDir);
        },
      },
    },
    writesSitemap &&
      sitemap({
        // The news sitemap and feeds are listed in robots.txt; the sitemap holds pages.
        filter: (page) => !page.endsWith('/search/'),
        customPages: earlier.flatMap((dir) => pageUrlsIn(dir, site.url)),
        // Every page is dated by the date it states (src/lib/sitemap.ts).
        serialize: async (item) => {
          const path = new URL(item.url).pathname;
          const changed = await pageLastModified(folderOfPage([outDir, ...earlier], path) ?? outDir, path);
          return changed ? { ...item, lastmod: changed.toISOString() } : item;
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
      writes: writesSitemap,
    }),
  ],
});
