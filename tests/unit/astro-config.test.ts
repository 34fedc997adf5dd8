import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';

/** What `code`, a module run by plain Node (no Vite, no loader of ours), writes to stdout. */
const runByNode = (code: string) =>
  execFileSync(process.execPath, ['--input-type=module', '--eval', code], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/**
 * Astro imports `astro.config.mjs` with Node when Node can, and otherwise starts a Vite server to
 * transform the config and every module it reaches: 1.1 s of every build's start (0.5 s with Node,
 * bench/README.md). Node strips TypeScript's types itself but finds no module by a path without
 * its extension, so every relative import names its file (`./env.ts`, `./markdown/index.ts`).
 */
test('Node loads astro.config.mjs as it is, so Astro needs no Vite server to read it', () => {
  const loaded = runByNode(
    "const { default: config } = await import('./astro.config.mjs'); process.stdout.write(String(config.integrations.length));",
  );
  expect(Number(loaded)).toBeGreaterThan(0);
});

/**
 * Astro loads `src/content.config.ts` through Vite's module runner, which transformed every module
 * it reached at each build: `astro:content` alone brought in Astro's server runtime, 115 modules and
 * most of a second. So the config imports nothing that only Vite can load: Node reads the
 * collections itself (src/lib/collections.ts).
 */
test('Node loads the content config as it is: Vite transforms only it and src/lib/dev-server.ts', () => {
  const loaded = runByNode(
    "const { collections } = await import('./src/content.config.ts'); process.stdout.write(Object.keys(collections).join(' '));",
  );
  expect(loaded.split(' ').sort()).toEqual(['articles', 'authors', 'pages', 'sections', 'series']);
});
