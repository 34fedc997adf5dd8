/**
 * The module of Astro's content store (`astro:data-layer-content`, which every page that reads a
 * collection imports) that reads the store's JSON text from `file` when it runs, and exports what
 * Astro's own module does: `JSON.parse` of that text.
 *
 * Astro's module carries the whole store as one string literal, which Vite parses, bundles and
 * writes into the build's server code, and which V8 compiles again when the first page imports it,
 * in time that grows faster than its length: the 94 MB store of 100,000 articles took 23 s to
 * import (docs/architecture.md, "Scale: bodies out of the content store"). Read from a file, it is
 * text Vite never sees and V8 never compiles, only parses as JSON, as Astro's module did.
 */
export function storeModule(file: string): string {
  return [
    `import { readFileSync } from 'node:fs';`,
    `export default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
    '',
  ].join('\n');
}
