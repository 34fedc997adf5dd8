import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Options } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';

type Extension = NonNullable<Options['extensions']>[number];
type Constructs = NonNullable<Extension['text']>;

/**
 * GFM's autolink literals, each with what a text must hold for it to find one. micromark tries them
 * as it reads: an email address at every letter, digit and `+-._` (reading each word as the start
 * of one, up to an `@` it does not find), a www. link at every `w`, a link with its protocol at every
 * `h`. A text that cannot hold one gives the same tree without trying (a rendered bench body took a
 * quarter less time without the email's tries alone, the same HTML: 2,000 bodies, 6 December 2026).
 */
const autolinks = [
  // An address's `@` is its own character (micromark-extension-gfm-autolink-literal).
  { construct: 'emailAutolink', possible: (text: string) => text.includes('@') },
  { construct: 'wwwAutolink', possible: (text: string) => /www\./i.test(text) },
  { construct: 'protocolAutolink', possible: (text: string) => text.includes('://') },
];

/** `extensions` without the text constructs `names`. */
function without(extensions: readonly Extension[], names: ReadonlySet<string>): Extension[] {
  const kept = (record: Constructs): Constructs =>
    Object.fromEntries(
      Object.entries(record).flatMap(([code, constructs]) => {
        const left = [constructs ?? []].flat().filter((construct) => !names.has(construct.name ?? ''));
        return left.length > 0 ? [[code, left]] : [];
      }),
    );
  return extensions.map((extension) =>
    extension.text ? { ...extension, text: kept(extension.text) } : extension,
  );
}

/**
 * Parses each text with only the autolink literals it can hold (`autolinks`), as remark-parse does
 * otherwise: a remark plugin used after remark-parse and remark-gfm, whose parser it replaces.
 * The extensions for each set of literals are made once, at the first text that needs them.
 */
export function remarkLeanGfm(this: Processor) {
  const data = this.data();
  const made = new Map<string, Extension[]>();
  const extensionsFor = (text: string): Extension[] => {
    const absent = autolinks.filter(({ possible }) => !possible(text)).map(({ construct }) => construct);
    const key = absent.join(' ');
    let extensions = made.get(key);
    if (!extensions) {
      extensions = without(data.micromarkExtensions ?? [], new Set(absent));
      made.set(key, extensions);
    }
    return extensions;
  };
  this.parser = (text: string): Root =>
    fromMarkdown(text, {
      ...data.settings,
      extensions: extensionsFor(text),
      mdastExtensions: data.fromMarkdownExtensions ?? [],
    });
}
