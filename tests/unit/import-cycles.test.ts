import { parseCircular, parseDependencyTree, shortenTree } from 'dpdm';
import { expect, test } from 'vitest';

/**
 * No module under src/ reaches itself through its imports, type-only imports included: a cycle
 * makes load order matter and is how "types live in the query module" tangles every module that
 * needs an Article. Only .ts files are parsed; .astro files sit at the top of the graph (src/lib
 * never imports a component), so they cannot close a cycle.
 */
test('src/ has no import cycle', async () => {
  const root = process.cwd();
  const tree = await parseDependencyTree('src/**/*.ts', { context: root, transform: false });
  const cycles = parseCircular(shortenTree(root, tree)).map((cycle) => cycle.join(' -> '));
  expect(cycles).toEqual([]);
});
