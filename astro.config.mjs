// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { cacheDirFor, contentRoot } from './src/lib/env';
import { markdownProcessor } from './src/markdown';
import { site } from './src/site.config';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  cacheDir: cacheDirFor(contentRoot()),
  prerenderConflictBehavior: 'error',
  markdown: { processor: markdownProcessor },
  image: {
    service: {
      entrypoint: 'astro/assets/services/sharp',
      // Encoder effort chosen for build time on two cores; see bench/README.md.
      config: { avif: { quality: 55, effort: 2 }, webp: { quality: 76, effort: 4 } },
    },
  },
  integrations: [sitemap()],
});
