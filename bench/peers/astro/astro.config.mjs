// The bare Astro 7 peer: one collection, article pages and one feed, Astro's defaults otherwise
// (its default Markdown processor included).
import { defineConfig } from 'astro/config';

export default defineConfig({ site: 'https://bench.example', trailingSlash: 'always' });
