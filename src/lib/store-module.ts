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

/**
 * Where a build keeps the content store its sync left in memory (`syncedStoreModule`): a global,
 * since the page that imports the store's module and the sync that filled the store run in the
 * same process, but not from the same modules.
 */
export const syncedStoreKey = Symbol.for('broadsheet:synced-content-store');

/**
 * The module of the content store for a build whose sync's store is held at `syncedStoreKey` (an
 * Astro `MutableDataStore`): it exports that store's collections, the map Astro would have parsed
 * from the store's file. Astro's runtime takes a map as it is. The pages then read the store the
 * sync has just filled rather than parse its file again: 2.5 s of every build of 100,000 articles,
 * and a second copy of the whole store in memory.
 */
export function syncedStoreModule(): string {
  return `export default globalThis[Symbol.for(${JSON.stringify(syncedStoreKey.description)})].collections();\n`;
}

/**
 * How many of the content store's articles a sync changed (set or removed), and how many files it
 * read for want of their looks in the store's meta (`fileLooks`, src/lib/article-files.ts), of how
 * many.
 */
export interface StoreDrift {
  changed: number;
  unlooked: number;
  total: number;
}

const storeDriftKey = Symbol.for('broadsheet:content-store-drift');

/** Records what the articles' sync changed, for the store's writer (src/integrations/content-store.ts). */
export function recordStoreDrift(drift: StoreDrift): void {
  (globalThis as Record<symbol, unknown>)[storeDriftKey] = drift;
}

/** What the articles' sync of this process changed, if it has run. */
export function storeDrift(): StoreDrift | undefined {
  return (globalThis as Record<symbol, StoreDrift | undefined>)[storeDriftKey];
}

/**
 * Whether a store whose sync changed `drift` of its articles is worth writing to its file: when it
 * changed one in a hundred or more (or is not known). Writing the store costs about 60 µs an
 * article, every article (0.6–0.8 s at 10,000, 5–8 s at 100,000); an article the file lacks costs
 * the next sync about 2.5 ms to sync again (measured at 10,000: bench/README.md), and every sync
 * until the file is written. At one in a hundred a sync's extra work stays under half the write it
 * saves, and a newsroom publishing 200 stories a day into 100,000 writes the store about once in
 * five days.
 *
 * The looks the sync recorded are in the store's meta, so a file it had to read for want of them
 * is read again by every sync until the file is written: about 55 µs each (reading and digesting
 * 100,000 took 5.4 s), a 45th of what a changed article costs, and counted so. A store written
 * before its looks were recorded, whose syncs read every article, is written at the next build.
 */
export function worthSaving(drift: StoreDrift | undefined): boolean {
  return drift === undefined || (drift.changed + drift.unlooked / 45) * 100 >= drift.total;
}
