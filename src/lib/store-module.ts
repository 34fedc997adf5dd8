/** How Astro's module of its content store starts: the store's JSON text, as one string literal. */
const opening = 'export default JSON.parse(';

/** The content store's text, and a module that exports what Astro's exports by reading it from a file. */
export interface StoreFromFile {
  /** The store's JSON text, as Astro's module holds it: to be written to the file. */
  text: string;
  /** The module, which reads the file when it runs. */
  module: string;
}

/**
 * Astro's module of its content store (`astro:data-layer-content`, which every page that reads a
 * collection imports) turned into one that reads the same text from `file` when it runs, with that
 * text; undefined for a module of any other form (an empty store, Astro's chunked storage), which
 * is left as it is.
 *
 * Astro writes the whole store into the module as one string literal, which Vite then parses,
 * bundles and writes into the build's server code, and which V8 compiles again when the first page
 * imports it, in time that grows faster than its length: the 94 MB store of 100,000 articles took
 * 23 s to import (docs/architecture.md, "Scale: bodies out of the content store"). Read from a file,
 * it is text Vite never sees and V8 never compiles, only parses as JSON, as Astro's module did.
 */
export function storeFromFile(code: string, file: string): StoreFromFile | undefined {
  if (!code.startsWith(`${opening}"`) || !code.endsWith('")')) return undefined;
  let text: string;
  try {
    // Between its quotes, one JSON string literal or nothing JSON reads.
    text = JSON.parse(code.slice(opening.length, -1)) as string;
  } catch {
    return undefined;
  }
  const module = [
    `import { readFileSync } from 'node:fs';`,
    `export default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
    '',
  ].join('\n');
  return { text, module };
}
