import {
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
import {
  decodeStore,
  encodeStore,
  keptStoreFile,
  recordStoreDrift,
  storeModule,
  syncedStoreKey,
  worthSaving,
} from '../../src/lib/store-module.ts';

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

// Astro's `devalue` text of the store took 4.1 s to read and parse at 100,000 articles, and 7.5 s
// to write; V8's serialization of the same store 1.8 s and 1.4 s.
describe('the store in V8’s serialization', () => {
  const entries = () =>
    new Map<string, Map<string, unknown>>([
      ['series', new Map([['b', { id: 'b' }]])],
      [
        'articles',
        new Map<string, unknown>([
          ['z-story', { id: 'z-story', data: { publishedAt: new Date(Date.UTC(2026, 10, 1)) } }],
          ['a-story', { id: 'a-story', data: { tags: ['synthetic'], dropped: undefined }, body: '📰 “é”' }],
        ]),
      ],
    ]);

  test('reads back what was written, with its dates and the keys it had without a value', () => {
    const read = decodeStore(encodeStore(entries()))!;
    expect(read).toEqual(entries());
    const articles = read.get('articles')! as Map<string, { data: Record<string, unknown> }>;
    expect(articles.get('z-story')!.data['publishedAt']).toBeInstanceOf(Date);
    expect('dropped' in articles.get('a-story')!.data).toBe(true);
  });

  // Astro sorts the store it writes: the next sync lists its entries in that order, whoever wrote it.
  test('is written in the order Astro writes its own', () => {
    const read = decodeStore(encodeStore(entries()))!;
    expect([...read.keys()]).toEqual(['articles', 'series']);
    expect([...read.get('articles')!.keys()]).toEqual(['a-story', 'z-story']);
  });

  test.each([
    ['Astro’s own text', Buffer.from(JSON.stringify(stored))],
    ['nothing', Buffer.alloc(0)],
    ['a file cut short', encodeStore(entries()).subarray(0, 40)],
    ['something else', encodeStore(new Map()).fill(7, 2)],
  ])('is no store when the file holds %s', (_, bytes) => {
    expect(decodeStore(bytes)).toBeUndefined();
  });

  test('is kept beside Astro’s file', () => {
    expect(keptStoreFile(join(dir, 'data-store.json'))).toBe(join(dir, 'data-store.v8'));
  });
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
    const { FileWriter, MutableDataStore } = await astroStore();
    const file = join(cacheDir(), 'data-store.json');
    const write = () => new FileWriter(pathToFileURL(file)).write(collections());
    mkdirSync(cacheDir(), { recursive: true });
    // Before the sync has loaded the store, and so in a build whose pages would read the file.
    recordStoreDrift({ changed: 1, unlooked: 0, total: 1000 });
    expect(await write()).toBe(true);
    rmSync(keptStoreFile(file));
    await MutableDataStore.fromFile(pathToFileURL(join(dir, 'elsewhere', 'data-store.json')));
    expect(await write()).toBe(false);
    expect(readdirSync(cacheDir())).toEqual([]);
    recordStoreDrift({ changed: 10, unlooked: 0, total: 1000 });
    expect(await write()).toBe(true);
    expect(decodeStore(readFileSync(keptStoreFile(file)))).toEqual(collections());
  });

  test('writes the store in V8’s serialization, from which the next sync starts', async () => {
    await pluginsFor('build');
    const { FileWriter, MutableDataStore } = await astroStore();
    const file = join(cacheDir(), 'data-store.json');
    // Astro's own text of an older store (written before this, or by `astro sync`) goes.
    writeStore(file, stored);
    recordStoreDrift({ changed: 10, unlooked: 0, total: 1000 });
    expect(await new FileWriter(pathToFileURL(file)).write(collections())).toBe(true);
    expect(readdirSync(cacheDir())).toEqual(['data-store.v8']);
    const synced = await MutableDataStore.fromFile(pathToFileURL(file));
    expect(synced.collections()).toEqual(collections());
    const entry = synced.collections().get('articles')!.get('synthetic') as { data: { at: unknown } };
    expect(entry.data.at).toBeInstanceOf(Date);
    // What its pages read: the store the sync holds.
    const [plugin] = await pluginsFor('build');
    const hook = plugin?.load as { handler: (id: string) => { code: string } };
    expect(await exported(hook.handler('\0astro:data-layer-content').code)).toBe(synced.collections());
  });

  // Reading Astro's text of the store costs every build more than writing the store once.
  test('writes the store in V8’s serialization after a sync that started from Astro’s text, however little it changed', async () => {
    await pluginsFor('build');
    const { FileWriter, MutableDataStore, serializeDataStore } = await astroStore();
    const file = join(cacheDir(), 'data-store.json');
    mkdirSync(cacheDir(), { recursive: true });
    writeFileSync(file, serializeDataStore(collections()));
    await MutableDataStore.fromFile(pathToFileURL(file));
    recordStoreDrift({ changed: 0, unlooked: 0, total: 1000 });
    expect(await new FileWriter(pathToFileURL(file)).write(collections())).toBe(true);
    expect(readdirSync(cacheDir())).toEqual(['data-store.v8']);
    expect(await new FileWriter(pathToFileURL(file)).write(collections())).toBe(false);
  });

  // `astro sync` (and `astro check`) write Astro's own text, after the build's store was written.
  test('starts a sync from Astro’s own file when there is one, which is the newer', async () => {
    await pluginsFor('build');
    const { FileWriter, MutableDataStore, serializeDataStore } = await astroStore();
    const file = join(cacheDir(), 'data-store.json');
    mkdirSync(cacheDir(), { recursive: true });
    recordStoreDrift({ changed: 10, unlooked: 0, total: 1000 });
    await new FileWriter(pathToFileURL(file)).write(collections());
    const newer = new Map([['articles', new Map([['other', { id: 'other', data: {} }]])]]);
    writeFileSync(file, serializeDataStore(newer));
    expect((await MutableDataStore.fromFile(pathToFileURL(file))).collections()).toEqual(newer);
  });

  // Pages that could not take the sync's store from memory read the file the build wrote.
  test('gives a build whose sync’s store is not held the store in V8’s serialization', async () => {
    const file = keptStoreFile(join(cacheDir(), 'data-store.json'));
    mkdirSync(cacheDir(), { recursive: true });
    writeFileSync(file, encodeStore(collections()));
    const { code } = (await load('build'))!;
    // The next sync replaces the store, as the build's writer does, by a rename.
    writeFileSync(`${file}.tmp`, encodeStore(new Map()));
    renameSync(`${file}.tmp`, file);
    expect(await exported(code)).toEqual(collections());
  });

  // Once the syncs since the file was written have spent on its missing articles what writing it costs.
  test.each([
    { drift: { changed: 0, unlooked: 0, total: 100_000 }, worth: false },
    { drift: { changed: 36, unlooked: 0, total: 100_000 }, worth: false },
    { drift: { changed: 37, unlooked: 0, total: 100_000 }, worth: true },
    { drift: { changed: 11, unlooked: 0, total: 10_000 }, worth: false },
    { drift: { changed: 12, unlooked: 0, total: 10_000 }, worth: true },
    { drift: { changed: 1, unlooked: 0, total: 70 }, worth: true },
    { drift: { changed: 0, unlooked: 0, total: 0 }, worth: true },
    // Every file read for want of its looks in the file (a store written before they were kept).
    { drift: { changed: 0, unlooked: 100_000, total: 100_000 }, worth: true },
    { drift: { changed: 18, unlooked: 45 * 19, total: 100_000 }, worth: true },
    { drift: { changed: 0, unlooked: 45 * 36, total: 100_000 }, worth: false },
    { drift: { changed: 0, unlooked: 45 * 37, total: 100_000 }, worth: true },
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
