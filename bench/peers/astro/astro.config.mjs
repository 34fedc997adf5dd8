// The bare Astro 7 peer: one collection, article pages and one feed, Astro's defaults otherwise.
// BENCH_MARKDOWN=unified swaps Astro's default Markdown processor (Sätteri) for unified with Astro's
// own remark/rehype defaults, to measure what the unified pipeline costs on the same corpus.
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://bench.example',
  trailingSlash: 'always',
  ...(process.env.BENCH_MARKDOWN === 'unified' ? { markdown: { processor: unified() } } : {}),
});
