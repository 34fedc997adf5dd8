import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { storeFromFile } from '../../src/lib/store-module';

/** The module Astro generates for its content store: one JSON string literal (vite-plugin-content-virtual-mod). */
const astroModule = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'store-module-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** What a module's text exports, run by Node as the build runs it. */
async function exported(code: string, name: string): Promise<unknown> {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

describe('storeFromFile', () => {
  const store = JSON.stringify([
    ['Map', 1, 2],
    'articles',
    { title: 'Synthetic “quotes”, accents (café), an emoji 📰 and a \\ backslash', body: 'x'.repeat(50) },
  ]);

  test('gives the store’s text, and a module exporting what Astro’s exports once the text is in the file', async () => {
    const file = join(dir, 'data-store-module.json');
    const read = storeFromFile(astroModule(store), file);
    expect(read?.text).toBe(store);
    writeFileSync(file, read!.text);
    expect(await exported(read!.module, 'from-file')).toEqual(await exported(astroModule(store), 'astro'));
  });

  test('names the file in the module, and carries none of the store', () => {
    const file = join(dir, 'a "quoted" folder', 'store.json');
    const { module } = storeFromFile(astroModule(store), file)!;
    expect(module).toContain(JSON.stringify(file));
    expect(module).not.toContain('Synthetic');
  });

  test.each([
    ['an empty store', 'export default new Map()'],
    [
      'a chunked store',
      'export default{"articles":[(await import("astro:data-layer-content-chunk:a.txt"))]}',
    ],
    ['anything after the literal', `${astroModule(store)};\nconsole.log(1)`],
    ['two literals', 'export default JSON.parse("[1," + "2]")'],
  ])('leaves %s as it is', (_, code) => {
    expect(storeFromFile(code, join(dir, 'store.json'))).toBeUndefined();
  });
});
