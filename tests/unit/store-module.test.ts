import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { contentStore } from '../../src/integrations/content-store.ts';
import { recordStoreDrift, storeModule, syncedStoreKey, worthSaving } from '../../src/lib/store-module.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-module-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  // A store held by one test's "sync" is not the next test's, nor what it changed.
  Reflect.deleteProperty(globalThis, syncedStoreKey);
  Reflect.deleteProperty(globalThis, Symbol.for('broadsheet:content-store-drift'));
});

/** What a module's text exports, run by Node as the build runs it (each under a name of its own). */
let modules = 0;
async function exported(code: string): Promise<unknown> {
  const file = join(dir, `module-${(modules += 1)}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

/** Writes a store as Astro does: its JSON text, replacing the file whole by a rename. */
function writeStore(file: string, store: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(store));
  renameSync(`${file}.tmp`, file);
}

/** Astro's MutableDataStore, as much of it as the test uses. */
interface SyncedStore {
  set(collection: string, key: string, value: unknown): void;
  waitUntilSaveComplete(): Promise<void>;
  collections(): Map<string, Map<string, unknown>>;
}

const stored = [['Map', 1], 'articles', { title: 'Synthetic “quotes”, café, 📰 and a \\ backslash' }];

test('the store module exports the JSON text of the file it names', async () => {
  const file = join(dir, 'a "quoted" folder', 'store.json');
  writeStore(file, stored);
  const module = storeModule(file);
  expect(module).toContain(JSON.stringify(file));
  expect(await exported(module)).toEqual(stored);
});

describe('the integration', () => {
  const root = () => join(dir, 'project');
  const cacheDir = () => join(dir, 'cache');

  /** The Vite plugins the integration adds to Astro's config for `command`. */
  async function pluginsFor(
    command: 'build' | 'dev',
    experimental: Record<string, unknown> = { collectionStorage: 'single-file' },
  ): Promise<Plugin[]> {
    const plugins: Plugin[] = [];
    const setup = contentStore(cacheDir()).hooks['astro:config:setup'] as (options: object) => Promise<void>;
    await setup({
      command,
      config: {
        root: pathToFileURL(`${root()}/`),
        cacheDir: pathToFileURL(`${cacheDir()}/`),
        experimental,
      },
      updateConfig: ({ vite }: { vite: { plugins: Plugin[] } }) => plugins.push(...vite.plugins),
    });
    return plugins;
  }

  /** What the plugin gives Vite for Astro's content store module. */
  async function load(command: 'build' | 'dev'): Promise<{ code: string } | null> {
    const [plugin] = await pluginsFor(command);
    const hook = plugin?.load as { handler: (id: string) => { code: string } | null };
    return hook.handler('\0astro:data-layer-content');
  }

  test('gives a build the store Astro synced, as it was when Vite asked for the module', async () => {
    writeStore(join(cacheDir(), 'data-store.json'), stored);
    const { code } = (await load('build'))!;
    // The next sync replaces the store; the module Vite was given reads the store it was given.
    writeStore(join(cacheDir(), 'data-store.json'), ['changed']);
    expect(await exported(code)).toEqual(stored);
  });

  // A build whose sync changed nothing finds its link already there: renaming a link over another
  // of the same file does nothing, which left the link's temporary name behind (9 MB of store kept
  // alive at 10,000 articles, 94 MB at 100,000, for each such build).
  test('leaves nothing behind when the store is the one already linked', async () => {
    writeStore(join(cacheDir(), 'data-store.json'), stored);
    await load('build');
    const { code } = (await load('build'))!;
    expect(await exported(code)).toEqual(stored);
    expect(readdirSync(cacheDir()).sort()).toEqual(['data-store-module.json', 'data-store.json']);
  });

  // The pages of a build run in the process whose sync filled the store: they take that store as
  // it is. Astro's sync loads it with MutableDataStore.fromFile, which an Astro that no longer did
  // so would fail here.
  test('gives a build the store its sync holds in memory, its file unread', async () => {
    const [plugin] = await pluginsFor('build');
    const { MutableDataStore } = (await import(
      pathToFileURL(join(process.cwd(), 'node_modules/astro/dist/content/mutable-data-store.js')).href
    )) as { MutableDataStore: { fromFile: (file: URL) => Promise<SyncedStore> } };
    const synced = await MutableDataStore.fromFile(pathToFileURL(join(cacheDir(), 'data-store.json')));
    synced.set('articles', 'synthetic', { id: 'synthetic', data: { title: 'A synthetic story' } });
    const hook = plugin?.load as { handler: (id: string) => { code: string } };
    const module = hook.handler('\0astro:data-layer-content').code;
    expect(module).not.toContain('readFileSync');
    expect(await exported(module)).toBe(synced.collections());
    // The dev server, whose store follows the files as they change, reads its file.
    writeStore(join(root(), '.astro', 'data-store.json'), stored);
    expect(await exported((await load('dev'))!.code)).toEqual(stored);
    await synced.waitUntilSaveComplete();
  });

  /** Astro's store, and its writer of the store file and serializer, from the installed Astro. */
  async function astroStore() {
    const module = (path: string) =>
      pathToFileURL(join(process.cwd(), 'node_modules/astro/dist/content', path)).href;
    return {
      ...((await import(module('data-store-writer.js'))) as {
        FileWriter: new (file: URL) => { write: (collections: unknown) => Promise<boolean> };
        serializeDataStore: (collections: unknown) => string;
      }),
      ...((await import(module('mutable-data-store.js'))) as {
        MutableDataStore: { fromFile: (file: URL) => Promise<SyncedStore> };
      }),
    };
  }
  const collections = () =>
    new Map([['articles', new Map([['synthetic', { id: 'synthetic', data: { at: new Date(0) } }]])]]);

  // Writing the store took 5–8 s of every build of 100,000 articles, for one story published.
  test('leaves the store’s file as it was when the sync changed too few articles, in a build whose pages read it from memory', async () => {
    await pluginsFor('build');
    const { FileWriter, MutableDataStore, serializeDataStore } = await astroStore();
    const file = join(cacheDir(), 'data-store.json');
    const write = () => new FileWriter(pathToFileURL(file)).write(collections());
    mkdirSync(cacheDir(), { recursive: true });
    // Before the sync has loaded the store, and so in a build whose pages would read the file.
    recordStoreDrift({ changed: 1, unlooked: 0, total: 1000 });
    expect(await write()).toBe(true);
    rmSync(file);
    await MutableDataStore.fromFile(pathToFileURL(join(dir, 'elsewhere', 'data-store.json')));
    expect(await write()).toBe(false);
    expect(existsSync(file)).toBe(false);
    recordStoreDrift({ changed: 10, unlooked: 0, total: 1000 });
    expect(await write()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(serializeDataStore(collections()));
  });

  test.each([
    { drift: { changed: 0, unlooked: 0, total: 100_000 }, worth: false },
    { drift: { changed: 999, unlooked: 0, total: 100_000 }, worth: false },
    { drift: { changed: 1000, unlooked: 0, total: 100_000 }, worth: true },
    { drift: { changed: 1, unlooked: 0, total: 100 }, worth: true },
    { drift: { changed: 0, unlooked: 0, total: 0 }, worth: true },
    // Every file read for want of its looks in the file (a store written before they were kept).
    { drift: { changed: 0, unlooked: 100_000, total: 100_000 }, worth: true },
    { drift: { changed: 500, unlooked: 22_500, total: 100_000 }, worth: true },
    { drift: { changed: 0, unlooked: 44_000, total: 100_000 }, worth: false },
    { drift: { changed: 0, unlooked: 45_000, total: 100_000 }, worth: true },
    { drift: undefined, worth: true },
  ])('a store whose sync changed $drift is worth writing: $worth', ({ drift, worth }) => {
    expect(worthSaving(drift)).toBe(worth);
  });

  test('keeps the dev server’s store, which previews drafts, apart from a build’s', async () => {
    writeStore(join(root(), '.astro', 'data-store.json'), stored);
    const { code } = (await load('dev'))!;
    expect(code).toContain('data-store-module.dev.json');
    expect(await exported(code)).toEqual(stored);
    // The build's store is its own, not synced yet here.
    expect(await load('build')).toBeNull();
  });

  // The store's place is Astro's own (its module is the one reader): an Astro that moves it fails
  // here rather than have a build read a store left behind where it used to be.
  test('reads the store where Astro keeps it, in a build and in the dev server', async () => {
    const paths = (await import(
      pathToFileURL(join(process.cwd(), 'node_modules/astro/dist/content/paths.js')).href
    )) as { getDataStoreFile: (settings: object, isDev: boolean) => URL };
    const settings = {
      config: { root: pathToFileURL(`${root()}/`), cacheDir: pathToFileURL(`${cacheDir()}/`) },
      dotAstroDir: pathToFileURL(`${root()}/.astro/`),
    };
    expect(fileURLToPath(paths.getDataStoreFile(settings, false))).toBe(join(cacheDir(), 'data-store.json'));
    expect(fileURLToPath(paths.getDataStoreFile(settings, true))).toBe(
      join(root(), '.astro', 'data-store.json'),
    );
  });

  test('leaves an empty store (no file yet), and Astro’s chunked storage, to Astro', async () => {
    expect(await load('build')).toBeNull();
    expect(await pluginsFor('build', { collectionStorage: 'chunked' })).toEqual([]);
  });
});
