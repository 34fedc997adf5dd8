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
 * As in remark-smartypants, quotes are read in the whole document's text at once (so that quotes
 * around a link or bold text pair up), though only its sentences that hold a quote are parsed;
 * then dashes, ellipses and backticks node by node.
 */

/**
 * retext-smartypants' quote rule (`quotesDefault` in retext-smartypants 6.2, MIT), run on
 * parse-latin's tree by a plain loop. Its own walk (unist-util-visit, a closure and a copy of the
 * ancestors per node of a tree with a node per word, space and mark) took more than half of all
 * SmartyPants time and a fifth of rendering a body; the tree, the rule and the order of the walk
 * (depth first, a node before its children, so an earlier quote may have changed a later one) are
 * the library's, and tests/unit/smartypants.test.ts compares the output with remark-smartypants'.
 */
function educateSentences(
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

/**
 * parse-latin's `abbreviationPrefix` (parse-latin 7.0, MIT; not exported): a word it reads as an
 * abbreviation when a full stop follows, so that the next sentence is merged into this one.
 */
const abbreviation =
  /^([0-9]{1,3}|[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/;

/** A full stop, the white space after it and the capital letter that starts the next sentence. */
const fullStop = /\.[ \t\n]+[A-Z]/g;
const letterOrDigit = /[A-Za-z0-9]/;
/** Characters SmartyPants turns into quotes. */
const quoteMark = /["']/g;
const space = /[ \t\n]/;

/**
 * Where parse-latin's tree of `text` splits for certain into sentences that owe nothing to each
 * other: after `word. ` and before a capital letter, where `word` is a whole token of ASCII
 * letters and digits (white space or the start of the text before it) and no abbreviation. There
 * each of parse-latin's steps sees the two sentences apart:
 * - its word rules (`&`, `-`, `/`, inner marks, initialisms) never reach across white space, and a
 *   one-token word before the stop takes no initialism's stop;
 * - the stop ends a sentence, and none of the rules that join sentences applies: both hold a word
 *   (non-word sentences); the next starts with white space (affix marks, digits, `,` and `;`) and
 *   then a capital (lower-case starts); the word before the stop is no abbreviation (prefixes);
 * - the white space between them becomes the paragraph's, not either sentence's.
 * Returns, for each split, where the first sentence ends (after the stop) and the next starts.
 */
function sentenceSplits(text: string): { end: number; start: number }[] {
  const splits: { end: number; start: number }[] = [];
  for (const match of text.matchAll(fullStop)) {
    const stop = match.index;
    let from = stop;
    while (from > 0 && letterOrDigit.test(text[from - 1]!)) from--;
    if (from === stop || (from > 0 && !space.test(text[from - 1]!))) continue;
    if (abbreviation.test(text.slice(from, stop).toLowerCase())) continue;
    splits.push({ end: stop + 1, start: stop + match[0].length - 1 });
  }
  return splits;
}

/**
 * A quote's fate depends only on its neighbours in its sentence (or word), so only the sentences
 * that hold quotes are parsed: the run between the split before a quote and the split after it.
 * tests/unit/smartypants.test.ts compares this with parsing the whole text at once.
 */
function educateQuotes(
  text: string,
  open: readonly [string, string],
  close: readonly [string, string],
): string {
  let splits: { end: number; start: number }[] | undefined;
  let result = '';
  let done = 0;
  let split = 0;
  for (const quote of text.matchAll(quoteMark)) {
    if (quote.index < done) continue;
    splits ??= sentenceSplits(text);
    while (split < splits.length && splits[split]!.end <= quote.index) split++;
    const start = split > 0 ? splits[split - 1]!.start : 0;
    const end = split < splits.length ? splits[split]!.end : text.length;
    result += text.slice(done, start) + educateSentences(text.slice(start, end), open, close);
    done = end;
  }
  return result + text.slice(done);
}

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
    allText = quotes(allText);
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
