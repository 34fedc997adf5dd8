import type { Nodes, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import type { Options } from 'rehype-raw';

/**
 * rehype-raw, run only on documents that hold raw HTML. It re-parses the whole tree through an HTML
 * parser, which costs more than the rest of the pipeline together, and a tree with no raw node
 * comes out of it the same (tests/unit/raw.test.ts).
 */
export function rehypeRawWhenNeeded(options?: Options) {
  const raw = rehypeRaw(options);
  return (tree: Root, file: Parameters<typeof raw>[1]) => (hasRaw(tree) ? raw(tree, file) : tree);
}

function hasRaw(node: Nodes): boolean {
  return node.type === 'raw' || ('children' in node && node.children.some(hasRaw));
}
