import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

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
 * The same for a store kept in V8's serialization (`encodeStore`): it exports the store's
 * collections, which Astro's runtime takes as they are.
 */
export function keptStoreModule(file: string): string {
  return [
    `import { readFileSync } from 'node:fs';`,
    `import { deserialize } from 'node:v8';`,
    `export default deserialize(readFileSync(${JSON.stringify(file)}));`,
    '',
  ].join('\n');
}

/** The content store's collections by name, each its entries by id, as Astro's `MutableDataStore` holds them. */
export type StoreCollections = Map<string, Map<string, unknown>>;

/**
 * Where a build keeps its content store (`encodeStore`): beside Astro's own file (`astroFile`,
 * `data-store.json`), which a build then removes, and which `astro sync` or `astro check` write
 * again, newer.
 */
export function keptStoreFile(astroFile: string): string {
  return join(dirname(astroFile), 'data-store.v8');
}

/**
 * The store a build's sync starts from and its pages may read: Astro's own file when it is there
 * (the newer), else the one a build kept (`kept`), else none.
 */
export function storeToRead(astroFile: string): { file: string; kept: boolean } | undefined {
  if (existsSync(astroFile)) return { file: astroFile, kept: false };
  const kept = keptStoreFile(astroFile);
  return existsSync(kept) ? { file: kept, kept: true } : undefined;
}

/**
 * The store in V8's own serialization (`node:v8`), which keeps its maps, dates and keys without a
 * value as `devalue` does, in Astro's order (collections and ids sorted as its writer sorts them, so
 * a sync lists the entries in the same order whoever wrote the file). At 100,000 articles Astro's
 * `devalue` text took 4.1 s to read and parse and 7.5 s to write; this takes 1.8 s and 1.4 s.
 * Astro's schemas give plain data and dates, which it keeps exactly.
 */
export function encodeStore(collections: StoreCollections): Buffer {
  const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => a.localeCompare(b);
  return serialize(
    new Map([...collections].sort(byKey).map(([name, entries]) => [name, new Map([...entries].sort(byKey))])),
  );
}

/** The store `encodeStore` wrote in `bytes`, or undefined for any other bytes (a file cut short). */
export function decodeStore(bytes: Buffer): StoreCollections | undefined {
  let store: unknown;
  try {
    store = deserialize(bytes);
  } catch {
    return undefined;
  }
  if (!(store instanceof Map)) return undefined;
  for (const entries of store.values()) if (!(entries instanceof Map)) return undefined;
  return store as StoreCollections;
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
 * Whether a store whose sync changed `drift` of its articles is worth writing to its file. The file
 * is a cache: an article it lacks (or has as it was) is synced again by every sync until the file is
 * written, about 2.5 ms each (measured at 10,000: bench/README.md), and writing it costs about 17 µs
 * an article, every article (`encodeStore`: 1.7 s at 100,000). One story published at a time, the
 * syncs since the file was written have spent on the `n` stories it lacks about n²/2 × 2.5 ms, which
 * passes the cost of writing the file at n = √(0.0136 × total): 37 stories at 100,000 articles, 12
 * at 10,000. Written then, the file costs a publish at 100,000 about 0.1 s on average, the write
 * included; at the one in a hundred of Astro's text, whose writing cost 60 µs an article, a publish
 * synced up to 1,000 stories again (2.5 s).
 *
 * The looks the sync recorded are in the store's meta, so a file it had to read for want of them
 * is read again by every sync until the file is written: about 55 µs each (reading and digesting
 * 100,000 took 5.4 s), a 45th of what a changed article costs, and counted so. A store written
 * before its looks were recorded, whose syncs read every article, is written at the next build.
 */
export function worthSaving(drift: StoreDrift | undefined): boolean {
  if (drift === undefined) return true;
  const behind = drift.changed + drift.unlooked / 45;
  return behind * behind * 74 >= drift.total;
}
