import type { AstroIntegration } from 'astro';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Plugin } from 'vite';
import { linkFile } from '../lib/links.ts';
import { storeModule, syncedStoreKey, syncedStoreModule } from '../lib/store-module.ts';

/** Astro's content store module, as Vite resolves it. */
const storeModuleId = /^\0astro:data-layer-content$/;

/**
 * How Astro's content store reaches the pages, and the disk, for a whole archive:
 *
 * - In a build, the pages take the store the sync holds in memory (`holdSyncedStore`), and the
 *   store is written to disk on a thread of its own (`saveStoreOffThread`), finished by the end of
 *   the build: the thread that renders the pages neither parses the store again nor serializes it.
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
          await saveStoreOffThread();
        }
        const dev = command === 'dev';
        // Where Astro keeps the store it syncs (getDataStoreFile in astro/dist/content/paths.js).
        const store = fileURLToPath(
          new URL('data-store.json', dev ? new URL('.astro/', config.root) : config.cacheDir),
        );
        const file = join(folder, dev ? 'data-store-module.dev.json' : 'data-store-module.json');
        updateConfig({ vite: { plugins: [storeReadFrom(store, file, dev)] } });
      },
      // The next build, and the older partitions built after this one, read the store saved.
      'astro:build:done': () => storeSaved(),
    },
  };
}

/** The Vite plugin giving the module that reads a link to `store` made at `file`. */
function storeReadFrom(store: string, file: string, dev: boolean): Plugin {
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
        // No store yet: Astro's module is then an empty store.
        if (!existsSync(store)) return null;
        // Linked under another name first: a module run beside this reads the old store or the
        // new, never none. When the store is the one linked already (the sync changed nothing),
        // the rename does nothing and leaves that name, removed after it.
        const partial = `${file}.${process.pid}.partial`;
        rmSync(partial, { force: true });
        linkFile(store, partial);
        renameSync(partial, file);
        rmSync(partial, { force: true });
        return { code: storeModule(file), map: { mappings: '' } };
      },
    },
    // Once the pages are bundled, the store is serialized beside their rendering, which leaves the
    // other cores idle; beside the bundling it held back Vite, which uses them all.
    writeBundle: () => {
      saving?.thread.postMessage({ go: true });
    },
  };
}

/** The store Astro synced, as `MutableDataStore.fromFile` gives it. */
interface SyncedStore {
  collections(): Map<string, Map<string, unknown>>;
}
type StoreClass = { fromFile: ((...args: unknown[]) => Promise<SyncedStore>) & { [syncedStoreKey]?: true } };

/**
 * Has the store that Astro's sync loads (`MutableDataStore.fromFile`, in
 * astro/dist/core/sync/index.js) held at `syncedStoreKey`, for the pages of this build, which run
 * in this process, to read (src/lib/store-module.ts). Astro exports no way to reach it; its module
 * is taken by its path in the package, as `unit/store-module.test.ts` does to check that this still
 * holds the store a sync fills.
 */
async function holdSyncedStore(): Promise<void> {
  const { MutableDataStore } = (await astroModule('dist/content/mutable-data-store.js')) as {
    MutableDataStore: StoreClass;
  };
  const fromFile = MutableDataStore.fromFile;
  if (fromFile[syncedStoreKey]) return;
  const holding = async function (this: unknown, ...args: unknown[]): Promise<SyncedStore> {
    const store = await fromFile.apply(this, args);
    (globalThis as Record<symbol, unknown>)[syncedStoreKey] = store;
    return store;
  };
  MutableDataStore.fromFile = Object.assign(holding, { [syncedStoreKey]: true as const });
}

/** One of Astro's own modules, by its path in the package, which exports no way to reach it. */
async function astroModule(path: string): Promise<unknown> {
  const astro = createRequire(import.meta.url).resolve('astro/package.json');
  return import(new URL(path, pathToFileURL(astro)).href);
}

/** Astro's writer of the content store file. */
interface StoreWriter {
  readonly target: string | URL;
  write(this: StoreWriter, collections: unknown): Promise<boolean>;
}
type Write = StoreWriter['write'] & { [syncedStoreKey]?: true };

/** The thread saving the store, and the saves it has not answered yet, by number. */
interface Saving {
  thread: Worker;
  next: number;
  answers: Map<number, (error?: string) => void>;
  saves: Promise<void>[];
}
let saving: Saving | undefined;

/**
 * Has Astro's writer of the content store (`FileWriter.write`, in
 * astro/dist/content/data-store-writer.js) hand the store to a thread of its own
 * (src/integrations/store-save-thread.ts) rather than serialize it here. Astro's sync waits for
 * the store to be written before the build goes on, and `devalue` took 0.8 s of that at 10,000
 * articles and 5–8 s at 100,000, in the thread that then renders every page; copying the store to
 * another thread takes a seventh of that. The thread serializes it once the pages are bundled
 * (`writeBundle`), and `storeSaved`, when they are built, waits for it. A
 * store that cannot be copied (a value no thread can be sent) is written here, as Astro would.
 */
async function saveStoreOffThread(): Promise<void> {
  const { FileWriter } = (await astroModule('dist/content/data-store-writer.js')) as {
    FileWriter: { prototype: { write: Write } };
  };
  const write = FileWriter.prototype.write;
  if (write[syncedStoreKey]) return;
  const handOver: Write = function (collections) {
    const file = this.target instanceof URL ? fileURLToPath(this.target) : this.target;
    saving ??= startSaving();
    const id = saving.next;
    try {
      saving.thread.postMessage({ id, file, collections });
    } catch {
      return write.call(this, collections);
    }
    saving.next += 1;
    const { answers } = saving;
    saving.saves.push(
      new Promise<void>((resolve, reject) => {
        answers.set(id, (error) => {
          if (error === undefined) resolve();
          else reject(new Error(`${file}: ${error}`));
        });
      }),
    );
    // Astro tells the dev server's watchers of a file written; a build has none.
    return Promise.resolve(true);
  };
  handOver[syncedStoreKey] = true;
  FileWriter.prototype.write = handOver;
}

function startSaving(): Saving {
  const thread = new Worker(new URL('store-save-thread.ts', import.meta.url));
  // A build that fails before its pages are built does not wait for the save: it is written whole
  // or not at all, and the next build syncs what the store it finds lacks.
  thread.unref();
  const answers = new Map<number, (error?: string) => void>();
  thread.on('message', ({ id, error }: { id: number; error?: string }) => {
    answers.get(id)?.(error);
    answers.delete(id);
  });
  thread.on('error', (error: Error) => {
    for (const answer of answers.values()) answer(error.message);
    answers.clear();
  });
  return { thread, next: 0, answers, saves: [] };
}

/** Waits for the stores handed to the saving thread to be written, and stops it. */
async function storeSaved(): Promise<void> {
  if (!saving) return;
  const { thread, saves } = saving;
  saving = undefined;
  // Waited for now: the process must not end before the thread answers.
  thread.ref();
  thread.postMessage({ go: true });
  try {
    await Promise.all(saves);
  } catch (error) {
    throw new Error(`The content store could not be saved: ${(error as Error).message}`);
  } finally {
    await thread.terminate();
  }
}
