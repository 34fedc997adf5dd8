import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** External links open no window handle to us and leak no referrer (`rel="noopener noreferrer"`). */
export function rehypeExternalLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const href = node.properties['href'];
      if (node.tagName === 'a' && typeof href === 'string' && /^https?:\/\//i.test(href)) {
        node.properties['rel'] = ['noopener', 'noreferrer'];
      }
    });
  };
}
