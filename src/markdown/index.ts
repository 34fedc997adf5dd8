import { unified } from '@astrojs/markdown-remark';
import rehypeSanitize from 'rehype-sanitize';
import { smartypantsOptions } from '../lib/typography';
import { site } from '../site.config';
import { rehypeEmbeds } from './embeds';
import { remarkFigures } from './figures';
import { rehypeRequireAlt } from './images';
import { rehypeExternalLinks } from './links';
import { rehypeRawWhenNeeded } from './raw';
import { remarkSmartypants } from './smartypants';
import { sanitizeSchema } from './sanitize';

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
