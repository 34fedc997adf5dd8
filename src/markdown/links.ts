import type { Element, Root } from 'hast';
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

/**
 * Links within a body (`#results`, a footnote mark) lead where the editor meant after the sanitizer
 * has prefixed every id and name in the body with `prefix` (so that a story's HTML can never take the
 * name of one of the page's own elements): a link to a place the body has only under its prefixed
 * name gets that name. Any other link is left as written.
 */
export function rehypeInPageLinks(prefix: string) {
  return (tree: Root) => {
    const places = new Set<string>();
    const links: Element[] = [];
    visit(tree, 'element', (node) => {
      for (const name of [node.properties['id'], node.properties['name']])
        if (typeof name === 'string') places.add(name);
      const href = node.properties['href'];
      if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#')) links.push(node);
    });
    for (const link of links) {
      const place = (link.properties['href'] as string).slice(1);
      if (!places.has(place) && places.has(prefix + place)) link.properties['href'] = `#${prefix}${place}`;
    }
  };
}
