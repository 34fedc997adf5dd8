import type { AstroIntegration } from 'astro';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { linkFile } from '../lib/links.ts';
import { astroModule } from './astro-module.ts';
import {
  decodeStore,
  encodeStore,
  keptStoreFile,
  keptStoreModule,
  storeDrift,
  storeModule,
  storeToRead,
  syncedStoreKey,
  syncedStoreModule,
  worthSaving,
} from '../lib/store-module.ts';
import type { StoreCollections } from '../lib/store-module.ts';

/** Astro's content store module, as Vite resolves it. */
const storeModuleId = /^\0astro:data-layer-content$/;

/**
 * How Astro's content store reaches the pages, and the disk, for a whole archive:
 *
 * - In a build, the pages take the store the sync holds in memory (`holdSyncedStore`), rather than
 *   parse it again, and the store's file is written only when the sync changed enough of it
 *   (`saveStoreWhenDrifted`), in V8's serialization rather than Astro's `devalue` text
 *   (`encodeStore`, src/lib/store-module.ts), from which the next build's sync starts.
 * - Otherwise (the dev server, whose store previews drafts, or an Astro that no longer loads its
 *   store as `holdSyncedStore` expects), the store module reads the store from a file when it runs,
 *   rather than carry it as a string literal (src/lib/store-module.ts): a link to the store as it
 *   was when Vite asked for the module (Astro replaces its store file by renaming a new one over
 *   it), made in `folder`, the build's Astro cache folder. Astro's own module read the whole store,
 *   checked it, quoted it as a literal that Vite bundled and V8 compiled: at 100,000 articles
 *   (94 MB), seconds of every Astro build before a page was rendered. The dev server keeps its link
 *   apart, so that a build beside it never reads that.
 */
export function contentStore(folder: string): AstroIntegration {
  return {
    name: 'broadsheet:content-store',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        // Astro's chunked storage keeps the store in other files, which its own module reads.
        if (config.experimental.collectionStorage !== 'single-file') return;
        if (command === 'build') {
          await holdSyncedStore();
          await saveStoreWhenDrifted();
        }
        const dev = command === 'dev';
        // Where Astro keeps the store it syncs (getDataStoreFile in astro/dist/content/paths.js).
        const astroStore = fileURLToPath(
          new URL('data-store.json', dev ? new URL('.astro/', config.root) : config.cacheDir),
        );
        updateConfig({ vite: { plugins: [storeReadFrom(astroStore, folder, dev)] } });
      },
    },
  };
}

/**
 * The Vite plugin giving the module that reads a link to the store made in `folder`: Astro's file
 * (`astroStore`), or in a build the store kept beside it in V8's serialization, unless Astro wrote
 * its own since (`keptStoreFile`).
 */
function storeReadFrom(astroStore: string, folder: string, dev: boolean): Plugin {
  return {
    name: 'broadsheet:content-store',
    // Only where pages are rendered: no page's browser code reads the store.
    applyToEnvironment: (environment) => environment.config.consumer === 'server',
    load: {
      // Before Astro's own load of the module, which would read the whole store first.
      order: 'pre',
      filter: { id: storeModuleId },
      handler() {
        if (!dev && syncedStoreKey in globalThis) return { code: syncedStoreModule(), map: { mappings: '' } };
        // The dev server's store is Astro's alone: a build's kept store is not its.
        const astroOwn = existsSync(astroStore) ? { file: astroStore, kept: false } : undefined;
        const read = dev ? astroOwn : storeToRead(astroStore);
        // No store yet: Astro's module is then an empty store.
        if (!read) return null;
        const { file: store, kept } = read;
        const file = join(folder, `data-store-module${dev ? '.dev' : ''}.${kept ? 'v8' : 'json'}`);
        // Linked under another name first: a module run beside this reads the old store or the
        // new, never none. When the store is the one linked already (the sync changed nothing),
        // the rename does nothing and leaves that name, removed after it.
        const partial = `${file}.${process.pid}.partial`;
        rmSync(partial, { force: true });
        linkFile(store, partial);
        renameSync(partial, file);
        rmSync(partial, { force: true });
        return { code: kept ? keptStoreModule(file) : storeModule(file), map: { mappings: '' } };
      },
    },
  };
}

/** The store Astro synced, as `MutableDataStore.fromFile` gives it (`_collections`, as its `fromMap` sets). */
interface SyncedStore {
  collections(): StoreCollections;
  _collections: StoreCollections;
}
type FromFile = ((file: URL, ...rest: unknown[]) => Promise<SyncedStore>) & { [syncedStoreKey]?: true };

/**
 * Has the store that Astro's sync loads (`MutableDataStore.fromFile`, in
 * astro/dist/core/sync/index.js) start from the store a build kept (`keptStoreFile`) when Astro's
 * own file is not there, and held at `syncedStoreKey`, for the pages of this build, which run
 * in this process, to read (src/lib/store-module.ts). Astro exports no way to reach it; its module
 * is taken by its path in the package, as `unit/store-module.test.ts` does to check that this still
 * holds the store a sync fills.
 */
async function holdSyncedStore(): Promise<void> {
  const { MutableDataStore } = (await astroModule('dist/content/mutable-data-store.js')) as {
    MutableDataStore: { fromFile: FromFile };
  };
  const fromFile = MutableDataStore.fromFile;
  if (fromFile[syncedStoreKey]) return;
  const holding = async function (this: unknown, file: URL, ...rest: unknown[]): Promise<SyncedStore> {
    // Astro's own reading, which gives the store its writer (wrapped by `saveStoreWhenDrifted`); with
    // no file of Astro's, the store starts empty and takes the kept one.
    const store = await fromFile.call(this, file, ...rest);
    const read = storeToRead(fileURLToPath(file));
    if (read?.kept) {
      const kept = await readFile(read.file).then(decodeStore, () => undefined);
      if (kept) store._collections = kept;
    }
    (globalThis as Record<symbol, unknown>)[syncedStoreKey] = store;
    return store;
  };
  MutableDataStore.fromFile = Object.assign(holding, { [syncedStoreKey]: true as const });
}

/** Astro's writer of the content store file (`FileWriter.write`, to its `target`), marked once wrapped. */
type Write = ((this: { target: URL }, collections: StoreCollections) => Promise<boolean>) & {
  [syncedStoreKey]?: true;
};

/**
 * Has Astro's writer of the content store (`FileWriter.write`, in
 * astro/dist/content/data-store-writer.js) write it in V8's serialization (`encodeStore`) beside
 * Astro's file, which it removes, and leave it as it is when the sync changed too few of its
 * articles for the file to be worth writing (`worthSaving`, src/lib/store-module.ts), in a build
 * whose pages read the store from memory (`holdSyncedStore`). Astro's sync waits for the whole
 * store to be serialized (`devalue`, after sorting every id) and written: 0.8 s of every build of
 * 10,000 articles, 5–8 s of 100,000, for one story published. The file is a cache: the next sync
 * starts from it and syncs again the articles it lacks, as it syncs any it finds changed.
 */
async function saveStoreWhenDrifted(): Promise<void> {
  const { FileWriter } = (await astroModule('dist/content/data-store-writer.js')) as {
    FileWriter: { prototype: { write: Write } };
  };
  if (FileWriter.prototype.write[syncedStoreKey]) return;
  const whenDrifted: Write = async function (collections) {
    const astroFile = fileURLToPath(this.target);
    // A store the sync read from Astro's own text is written at once: reading that text cost the
    // build 23 µs an article more than reading this (0.37 s against 0.14 at 10,000 articles).
    if (syncedStoreKey in globalThis && !existsSync(astroFile) && !worthSaving(storeDrift())) return false;
    const file = keptStoreFile(astroFile);
    // Replaced whole, as Astro replaces its own: a sync beside this reads the old store or the new.
    await writeFile(`${file}.${process.pid}.partial`, encodeStore(collections));
    await rename(`${file}.${process.pid}.partial`, file);
    await rm(astroFile, { force: true });
    return true;
  };
  whenDrifted[syncedStoreKey] = true;
  FileWriter.prototype.write = whenDrifted;
}
