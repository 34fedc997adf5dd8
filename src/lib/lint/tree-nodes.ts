import type { Nodes, Root } from 'mdast';

/**
 * The nodes of an article's body as the content rules look for them: listed once per tree, in
 * document order (a node before its children, as unist-util-visit walks), and each rule's finding
 * computed once per tree when several rules share it. The rules each walked the tree with
 * unist-util-visit, which makes a closure and a copy of the ancestors per node: eleven walks of
 * every body, a sixth of checking 100,000 articles with no lint cache (a cold build).
 */

const listed = new WeakMap<Root, Nodes[]>();

/** Every node of `tree`, the root first, in document order. */
export function nodesOf(tree: Root): readonly Nodes[] {
  let nodes = listed.get(tree);
  if (!nodes) {
    const found: Nodes[] = [];
    const add = (node: Nodes) => {
      found.push(node);
      if ('children' in node) for (const child of node.children) add(child);
    };
    add(tree);
    listed.set(tree, found);
    nodes = found;
  }
  return nodes;
}

/** The nodes of `tree` of one type, in document order. */
export function nodesOfType<Type extends Nodes['type']>(
  tree: Root,
  type: Type,
): Extract<Nodes, { type: Type }>[] {
  return nodesOf(tree).filter((node): node is Extract<Nodes, { type: Type }> => node.type === type);
}

/** The text nodes under `node` (itself included), in document order. */
export function textsUnder(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (!('children' in node)) return '';
  let text = '';
  for (const child of node.children) text += textsUnder(child);
  return text;
}

/** `find` of a tree, computed once per tree, for the rules that share it. */
export function oncePerTree<Found>(find: (tree: Root) => Found): (tree: Root) => Found {
  const found = new WeakMap<Root, Found>();
  return (tree) => {
    if (!found.has(tree)) found.set(tree, find(tree));
    return found.get(tree)!;
  };
}
