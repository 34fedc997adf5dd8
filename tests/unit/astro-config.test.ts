import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';

/**
 * Astro imports `astro.config.mjs` with Node when Node can, and otherwise starts a Vite server to
 * transform the config and every module it reaches: 1.1 s of every build's start (0.5 s with Node,
 * bench/README.md). Node strips TypeScript's types itself but finds no module by a path without
 * its extension, so every relative import names its file (`./env.ts`, `./markdown/index.ts`).
 */
test('Node loads astro.config.mjs as it is, so Astro needs no Vite server to read it', () => {
  const loaded = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '--eval',
      "const { default: config } = await import('./astro.config.mjs'); process.stdout.write(String(config.integrations.length));",
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  expect(Number(loaded)).toBeGreaterThan(0);
});
