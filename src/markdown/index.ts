import { unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { smartypantsOptions } from '../lib/typography.ts';
import { site } from '../site.config.ts';
import { rehypeEmbeds } from './embeds.ts';
import { remarkFigures } from './figures.ts';
import { rehypeRequireAlt } from './images.ts';
import { remarkLeanGfm } from './lean-gfm.ts';
import { rehypeLinks } from './links.ts';
import { rehypeRawWhenNeeded } from './raw.ts';
import { remarkSmartypants } from './smartypants.ts';
import { sanitizeSchema } from './sanitize.ts';

/**
 * The article Markdown pipeline. Raw HTML is parsed (rehype-raw) before the sanitizer so that the
 * allowlist sees it; Astro would otherwise parse it only after every plugin has run.
 */
export const markdownProcessor = unified({
  gfm: true,
  // Our remarkSmartypants gives remark-smartypants' output at a fraction of its cost.
  smartypants: false,
  // The sanitizer prefixes every id in the body; footnotes' ids are left for it to prefix, once.
  remarkRehype: { clobberPrefix: '' },
  // First, after Astro's remark-parse and remark-gfm: it parses with them (lean-gfm.ts).
  remarkPlugins: [remarkLeanGfm, [remarkSmartypants, smartypantsOptions], remarkFigures],
  rehypePlugins: [
    rehypeRawWhenNeeded,
    [rehypeSanitize, sanitizeSchema],
    [rehypeLinks, sanitizeSchema.clobberPrefix],
    [rehypeEmbeds, site.embedHosts],
    rehypeRequireAlt,
    // Astro ends every pipeline with rehype-raw, which parses the whole tree through an HTML
    // parser again, though rehypeRawWhenNeeded has left no raw HTML: a third of rendering a body
    // (200 bench bodies: 16.1 billion instructions, 11.1 without it). Astro's `use` of a plugin
    // already used leaves it as it is, and `false` turns it off.
    [rehypeRaw, false],
  ],
});
