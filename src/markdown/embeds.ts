import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** The host of an embed URL, or undefined when it is not an absolute https URL. */
export function embedHost(src: string): string | undefined {
  try {
    const url = new URL(src);
    return url.protocol === 'https:' ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Embeds (video, social posts) as responsive, lazy, sandboxed iframes with a title, and only from
 * the hosts in the site config; any other iframe is removed (the content linter reports it first).
 */
export function rehypeEmbeds(hosts: readonly string[]) {
  const allowed = new Set(hosts);
  return (tree: Root, file: VFile) => {
    // An iframe comes only from raw HTML: a body without "<iframe" needs no walk.
    if (typeof file.value === 'string' && !/<iframe/i.test(file.value)) return;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'iframe' || !parent || index === undefined) return;
      const { src: rawSrc, title: rawTitle } = node.properties;
      const src = typeof rawSrc === 'string' ? rawSrc : '';
      const host = embedHost(src);
      const title = typeof rawTitle === 'string' ? rawTitle.trim() : '';
      if (!host || !allowed.has(host) || !title) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const iframe: Element = {
        type: 'element',
        tagName: 'iframe',
        properties: {
          src,
          title,
          loading: 'lazy',
          sandbox: ['allow-scripts', 'allow-same-origin', 'allow-presentation', 'allow-popups'],
          referrerPolicy: 'strict-origin-when-cross-origin',
          allowFullScreen: true,
        },
        children: [],
      };
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['embed'] },
        children: [iframe],
      };
      return SKIP;
    });
  };
}
