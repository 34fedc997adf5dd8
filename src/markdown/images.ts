import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Removes images without alt text. Photos written as Markdown go through the figure pipeline (and
 * the linter requires their alt text); an `<img>` pasted as raw HTML would otherwise be published
 * unlabelled for screen readers, and as invalid HTML.
 */
export function rehypeRequireAlt() {
  return (tree: Root, file: VFile) => {
    // An image comes only from Markdown ("![") or raw HTML ("<img", or "<image", which HTML reads
    // as img): a body with neither needs no walk.
    if (typeof file.value === 'string' && !/!\[|<im(?:g|age)/i.test(file.value)) return;
    visit(tree, 'element', (node, index, parent) => {
      const alt = node.properties['alt'];
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      if (typeof alt === 'string' && alt.trim() !== '') return;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
