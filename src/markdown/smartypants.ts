import type { Root, Nodes, Parents } from 'mdast';
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

/** Characters SmartyPants turns into quotes. */
const hasQuotes = /["']/;
/** What the dash, ellipsis and backtick rules can replace. */
const hasOthers = /``|''|--|–-|\.\s*\./;

/** Nodes whose text starts fresh: a quote at their start is an opening quote. */
const blocks = new Set(['paragraph', 'heading', 'tableCell']);
const visited = new Set(['text', 'inlineCode', ...blocks]);

export function remarkSmartypants(options: Options) {
  const quotes = retext().use(retextSmartypants, {
    ...options,
    ellipses: false,
    dashes: false,
    backticks: false,
  });
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
    if (hasQuotes.test(allText)) allText = String(quotes.processSync(allText));
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
