import type { Root, Nodes, Parents } from 'mdast';
import type { Nodes as TextNodes, Parents as TextParents } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { ParseLatin } from 'parse-latin';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import type { Options } from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/**
 * Typographic punctuation for the article body: remark-smartypants (MIT), with the same output,
 * minus the work that cannot change anything. retext parses text into sentences and words, which
 * costs milliseconds per paragraph; SmartyPants only ever replaces quotes, backticks, dashes and
 * runs of dots, so text holding none of them is left as it is without being parsed.
 *
 * As in remark-smartypants, quotes are paired across the whole document at once (so that quotes
 * around a link or bold text pair up), then dashes, ellipses and backticks node by node.
 */

/**
 * retext-smartypants' quote rule (`quotesDefault` in retext-smartypants 6.2, MIT), run on
 * parse-latin's tree by a plain loop. Its own walk (unist-util-visit, a closure and a copy of the
 * ancestors per node of a tree with a node per word, space and mark) took more than half of all
 * SmartyPants time and a fifth of rendering a body; the tree, the rule and the order of the walk
 * (depth first, a node before its children, so an earlier quote may have changed a later one) are
 * the library's, and tests/unit/smartypants.test.ts compares the output with remark-smartypants'.
 */
function educateQuotes(
  text: string,
  open: readonly [string, string],
  close: readonly [string, string],
): string {
  const tree = new ParseLatin().parse(text);
  const walk = (parent: TextParents) => {
    const siblings = parent.children as TextNodes[];
    for (let index = 0; index < siblings.length; index++) {
      const node = siblings[index]!;
      if ('children' in node) walk(node);
      else if (
        (node.type === 'PunctuationNode' || node.type === 'SymbolNode') &&
        (node.value === '"' || node.value === "'")
      )
        node.value = quoteAt(node.value, siblings[index - 1], siblings[index + 1], siblings[index + 2]);
    }
  };
  const mark = (node: TextNodes | undefined) =>
    node?.type === 'PunctuationNode' || node?.type === 'SymbolNode';
  const quoteAt = (value: string, previous?: TextNodes, next?: TextNodes, nextNext?: TextNodes): string => {
    const which = value === '"' ? 0 : 1;
    const nextValue = next ? toString(next) : '';
    if (mark(next) && nextNext?.type !== 'WordNode') return close[which];
    if (mark(next) && (nextValue === '"' || nextValue === "'") && nextNext?.type === 'WordNode') {
      // A quote inside a quote: `He said, "'Quoted' words."`
      (next as { value: string }).value = open[nextValue === '"' ? 0 : 1];
      return open[which];
    }
    if (next && /^\d\ds$/.test(nextValue)) return close[which]; // the '80s
    if (previous && (previous.type === 'WhiteSpaceNode' || mark(previous)) && next?.type === 'WordNode')
      return open[which];
    if (previous && previous.type !== 'WhiteSpaceNode' && !mark(previous)) return close[which];
    if (!next || next.type === 'WhiteSpaceNode' || (value === "'" && nextValue === 's')) return close[which];
    return open[which];
  };
  walk(tree);
  return toString(tree);
}

/** Characters SmartyPants turns into quotes. */
const hasQuotes = /["']/;
/** What the dash, ellipsis and backtick rules can replace. */
const hasOthers = /``|''|--|–-|\.\s*\./;

/** Nodes whose text starts fresh: a quote at their start is an opening quote. */
const blocks = new Set(['paragraph', 'heading', 'tableCell']);
const visited = new Set(['text', 'inlineCode', ...blocks]);

export function remarkSmartypants(options: Options) {
  const open = options.openingQuotes ?? { double: '“', single: '‘' };
  const close = options.closingQuotes ?? { double: '”', single: '’' };
  const quotes = (text: string) =>
    options.quotes === false
      ? text
      : educateQuotes(text, [open.double, open.single], [close.double, close.single]);
  const others = retext().use(retextSmartypants, { ...options, quotes: false });
  return (tree: Root) => {
    const nodes: Nodes[] = [];
    let allText = '';
    visit(tree, (node: Nodes, _, parent: Parents | undefined) => {
      if (!parent || !visited.has(node.type)) return;
      if ('value' in node) allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      else allText += ' ';
      nodes.push(node);
    });
    if (hasQuotes.test(allText)) allText = quotes(allText);
    let start = 0;
    for (const node of nodes) {
      if (!('value' in node)) {
        start += 1;
        continue;
      }
      const end = start + node.value.length;
      if (node.type === 'text') {
        const text = allText.slice(start, end);
        node.value = hasOthers.test(text) ? String(others.processSync(text)) : text;
      }
      start = end;
    }
  };
}
