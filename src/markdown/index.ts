import { unified } from '@astrojs/markdown-remark';
import rehypeSanitize from 'rehype-sanitize';
import { smartypantsOptions } from '../lib/typography.ts';
import { site } from '../site.config.ts';
import { rehypeEmbeds } from './embeds.ts';
import { remarkFigures } from './figures.ts';
import { rehypeRequireAlt } from './images.ts';
import { rehypeExternalLinks } from './links.ts';
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
  remarkPlugins: [[remarkSmartypants, smartypantsOptions], remarkFigures],
  rehypePlugins: [
    rehypeRawWhenNeeded,
    [rehypeSanitize, sanitizeSchema],
    [rehypeEmbeds, site.embedHosts],
    rehypeRequireAlt,
    rehypeExternalLinks,
  ],
});
