import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { storeModuleFromFile } from '../../src/integrations/store-from-file.ts';
import { storeModule } from '../../src/lib/store-module.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-module-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
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
  function pluginsFor(
    command: 'build' | 'dev',
    experimental: Record<string, unknown> = { collectionStorage: 'single-file' },
  ): Plugin[] {
    const plugins: Plugin[] = [];
    const setup = storeModuleFromFile(cacheDir()).hooks['astro:config:setup'] as (options: object) => void;
    setup({
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
  function load(command: 'build' | 'dev'): { code: string } | null {
    const [plugin] = pluginsFor(command);
    const hook = plugin?.load as { handler: (id: string) => { code: string } | null };
    return hook.handler('\0astro:data-layer-content');
  }

  test('gives a build the store Astro synced, as it was when Vite asked for the module', async () => {
    writeStore(join(cacheDir(), 'data-store.json'), stored);
    const { code } = load('build')!;
    // The next sync replaces the store; the module Vite was given reads the store it was given.
    writeStore(join(cacheDir(), 'data-store.json'), ['changed']);
    expect(await exported(code)).toEqual(stored);
  });

  // A build whose sync changed nothing finds its link already there: renaming a link over another
  // of the same file does nothing, which left the link's temporary name behind (9 MB of store kept
  // alive at 10,000 articles, 94 MB at 100,000, for each such build).
  test('leaves nothing behind when the store is the one already linked', async () => {
    writeStore(join(cacheDir(), 'data-store.json'), stored);
    load('build');
    const { code } = load('build')!;
    expect(await exported(code)).toEqual(stored);
    expect(readdirSync(cacheDir()).sort()).toEqual(['data-store-module.json', 'data-store.json']);
  });

  test('keeps the dev server’s store, which previews drafts, apart from a build’s', async () => {
    writeStore(join(root(), '.astro', 'data-store.json'), stored);
    const { code } = load('dev')!;
    expect(code).toContain('data-store-module.dev.json');
    expect(await exported(code)).toEqual(stored);
    // The build's store is its own, not synced yet here.
    expect(load('build')).toBeNull();
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

  test('leaves an empty store (no file yet), and Astro’s chunked storage, to Astro', () => {
    expect(load('build')).toBeNull();
    expect(pluginsFor('build', { collectionStorage: 'chunked' })).toEqual([]);
  });
});
