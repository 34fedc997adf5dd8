import type { Element, Root, RootContent } from 'hast';

/**
 * The body's links, in one walk of its elements:
 * - External links open no window handle to us and leak no referrer (`rel="noopener noreferrer"`).
 * - Links within the body (`#results`, a footnote mark) lead where the editor meant after the
 *   sanitizer has prefixed every id and name in the body with `prefix` (so that a story's HTML can
 *   never take the name of one of the page's own elements): a link to a place the body has only
 *   under its prefixed name gets that name. Any other link is left as written.
 * A plain loop, not unist-util-visit, which makes a closure and a copy of the ancestors per node:
 * its two walks here took a twentieth of rendering a body.
 */
export function rehypeLinks(prefix: string) {
  return (tree: Root) => {
    const places = new Set<string>();
    const links: Element[] = [];
    const walk = (children: RootContent[]) => {
      for (const node of children) {
        if (node.type !== 'element') continue;
        for (const name of [node.properties['id'], node.properties['name']])
          if (typeof name === 'string') places.add(name);
        const href = node.properties['href'];
        if (node.tagName === 'a' && typeof href === 'string') {
          if (href.startsWith('#')) links.push(node);
          else if (/^https?:\/\//i.test(href)) node.properties['rel'] = ['noopener', 'noreferrer'];
        }
        walk(node.children);
      }
    };
    walk(tree.children);
    for (const link of links) {
      const place = (link.properties['href'] as string).slice(1);
      if (!places.has(place) && places.has(prefix + place)) link.properties['href'] = `#${prefix}${place}`;
    }
  };
}
