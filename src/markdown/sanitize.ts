import { defaultSchema } from 'rehype-sanitize';
import type { Options } from 'rehype-sanitize';
import { figurePlaceholder } from '../lib/body';

const placeholder = figurePlaceholder(0);

/**
 * What raw HTML in an article may contain: GitHub's allowlist (no scripts, styles, event handlers,
 * forms or javascript: URLs) plus our figure placeholder. See PRODUCT.md, guarantee 3.
 */
export const sanitizeSchema: Options = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', placeholder.tagName],
  attributes: {
    ...defaultSchema.attributes,
    [placeholder.tagName]: Object.keys(placeholder.properties),
  },
};
