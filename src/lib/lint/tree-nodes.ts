import type { Nodes, Root } from 'mdast';

/**
 * The nodes of an article's body as the content rules look for them (body-facts.ts), in document
 * order (a node before its children, as unist-util-visit walks). The rules each walked the tree
 * with unist-util-visit, which makes a closure and a copy of the ancestors per node: eleven walks
 * of every body, a sixth of checking 100,000 articles with no lint cache.
 */

/** Every node of `tree`, the root first, in document order. */
export function nodesOf(tree: Root): Nodes[] {
  const found: Nodes[] = [];
  const add = (node: Nodes) => {
    found.push(node);
    if ('children' in node) for (const child of node.children) add(child);
  };
  add(tree);
  return found;
}

/** The text nodes under `node` (itself included), in document order. */
export function textsUnder(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (!('children' in node)) return '';
  let text = '';
  for (const child of node.children) text += textsUnder(child);
  return text;
}
