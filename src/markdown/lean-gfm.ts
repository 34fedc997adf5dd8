import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Options } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';

type Extension = NonNullable<Options['extensions']>[number];
type Constructs = NonNullable<Extension['text']>;
type MdastExtensions = NonNullable<Options['mdastExtensions']>;
type MdastExtension = Exclude<MdastExtensions[number], unknown[]>;

/**
 * GFM's constructs that micromark tries where most texts can hold none, each with what a text must
 * hold for it to find one. The autolink literals: an email address is tried at every letter, digit
 * and `+-._` (each word read as the start of one, up to an `@` it does not find), a www. link at
 * every `w`, a link with its protocol at every `h`. A table is tried at the start of every line (the
 * line read as a row of cells), and its delimiter row holds a `|` or, for a table of one column
 * without pipes, an alignment colon against a hyphen (`:-`, `-:`). A text that cannot hold one gives
 * the same tree without trying: rendered bench bodies took a quarter less time without the email's
 * tries alone, the same HTML (2,000 bodies, 6 December 2026).
 */
const unlikely = [
  // An address's `@` is its own character (micromark-extension-gfm-autolink-literal).
  { construct: 'emailAutolink', literal: true, possible: (text: string) => text.includes('@') },
  { construct: 'wwwAutolink', literal: true, possible: (text: string) => /www\./i.test(text) },
  { construct: 'protocolAutolink', literal: true, possible: (text: string) => text.includes('://') },
  // micromark-extension-gfm-table: a delimiter row with neither is a thematic break or an underline.
  {
    construct: 'table',
    literal: false,
    possible: (text: string) => text.includes('|') || text.includes(':-') || text.includes('-:'),
  },
];

/**
 * The tree extensions without GFM's for autolink literals (mdast-util-gfm-autolink-literal, which
 * handles their tokens and then searches every text node for them again with its own patterns: an
 * `@`, a `www.`, an `http://` or `https://`): for a text that holds none of them.
 */
function withoutLiteralSearch(extensions: MdastExtensions): MdastExtensions {
  const searches = (extension: MdastExtension) =>
    extension.enter !== undefined && extension.enter !== null && 'literalAutolink' in extension.enter;
  return extensions
    .map((extension) => (Array.isArray(extension) ? extension.filter((each) => !searches(each)) : extension))
    .filter((extension) => Array.isArray(extension) || !searches(extension));
}

/** The kinds of constructs an extension maps from characters (micromark's `Extension`). */
const records = ['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text'] as const;

/** `extensions` without the constructs `names`. */
function without(extensions: readonly Extension[], names: ReadonlySet<string>): Extension[] {
  const kept = (record: Constructs): Constructs =>
    Object.fromEntries(
      Object.entries(record).flatMap(([code, constructs]) => {
        const left = [constructs ?? []].flat().filter((construct) => !names.has(construct.name ?? ''));
        return left.length > 0 ? [[code, left]] : [];
      }),
    );
  return extensions.map((extension) => {
    const lean = { ...extension };
    for (const kind of records) if (extension[kind]) lean[kind] = kept(extension[kind]);
    return lean;
  });
}

/**
 * Parses each text without the constructs of `unlikely` it cannot hold, as remark-parse does
 * otherwise (with the processor's settings: Astro and the check give remark-parse no options of its
 * own): a remark plugin used after remark-parse and remark-gfm, whose parser it replaces. The
 * extensions for each set of constructs are made once, at the first text that needs them.
 */
export function remarkLeanGfm(this: Processor) {
  const data = this.data();
  const made = new Map<string, Pick<Options, 'extensions' | 'mdastExtensions'>>();
  const extensionsFor = (text: string) => {
    const absent = unlikely.filter(({ possible }) => !possible(text)).map(({ construct }) => construct);
    const key = absent.join(' ');
    let extensions = made.get(key);
    if (!extensions) {
      const mdast = data.fromMarkdownExtensions ?? [];
      extensions = {
        extensions: without(data.micromarkExtensions ?? [], new Set(absent)),
        // No literal possible: GFM's tree extension for them, which looks for them in every text, too.
        mdastExtensions: unlikely.every(({ literal, construct }) => !literal || absent.includes(construct))
          ? withoutLiteralSearch(mdast)
          : mdast,
      };
      made.set(key, extensions);
    }
    return extensions;
  };
  this.parser = (text: string): Root => fromMarkdown(text, { ...data.settings, ...extensionsFor(text) });
}
