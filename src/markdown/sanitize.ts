import { defaultSchema } from 'rehype-sanitize';
import type { Options } from 'rehype-sanitize';
import { figurePlaceholder } from '../lib/body.ts';

const placeholder = figurePlaceholder(0);

/**
 * What raw HTML in an article may contain: GitHub's allowlist (no scripts, styles, event handlers,
 * forms, inputs or javascript: URLs) plus our figure placeholder and https iframes, which
 * rehypeEmbeds then keeps only from the configured hosts (docs/architecture.md, guarantee 3).
 */
export const sanitizeSchema: Options = {
  ...defaultSchema,
  // No form controls: GitHub's list allows checkbox inputs for task lists, which news copy never has.
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => name !== 'input'),
    'figure',
    'figcaption',
    'iframe',
    placeholder.tagName,
  ],
  // Drop style and script elements with their content, not just their tags.
  strip: [...(defaultSchema.strip ?? []), 'style'],
  attributes: {
    ...defaultSchema.attributes,
    [placeholder.tagName]: Object.keys(placeholder.properties),
    // Checked against the configured hosts by rehypeEmbeds, which runs next.
    iframe: ['src', 'title'],
  },
  protocols: { ...defaultSchema.protocols, src: ['https'] },
};
