import { runInThisContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { storeInPieces } from '../../src/lib/store-module';

/** The module Astro generates for its content store: one JSON string literal (vite-plugin-content-virtual-mod). */
const astroModule = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;

/** What a module of the form `export default <expression>` exports. */
function exported(code: string): unknown {
  return runInThisContext(`(${code.replace(/^export default /, '')})`);
}

/** The string literals of a module, as their lengths once read. */
const literalLengths = (code: string) =>
  [...code.matchAll(/"(?:[^"\\]|\\.)*"/g)].map(([literal]) => (JSON.parse(literal) as string).length);

describe('storeInPieces', () => {
  const store = JSON.stringify([
    ['Map', 1, 2],
    'articles',
    { title: 'Synthetic “quotes”, accents (café), an emoji 📰 and a \\ backslash', body: 'x'.repeat(50) },
  ]);

  test('exports the same store as the module Astro writes', () => {
    const pieces = storeInPieces(astroModule(store), 16);
    expect(pieces).toBeDefined();
    expect(exported(pieces!)).toEqual(exported(astroModule(store)));
  });

  test('holds the text in literals of at most the length asked, however it falls', () => {
    for (const length of [1, 7, 16, 1000]) {
      const pieces = storeInPieces(astroModule(store), length)!;
      expect(Math.max(...literalLengths(pieces))).toBeLessThanOrEqual(length);
      // A piece may end between the two halves of the emoji: joined, the text is whole again.
      expect(exported(pieces)).toEqual(JSON.parse(store));
    }
  });

  test.each([
    ['an empty store', 'export default new Map()'],
    [
      'a chunked store',
      'export default{"articles":[(await import("astro:data-layer-content-chunk:a.txt"))]}',
    ],
    ['anything after the literal', `${astroModule(store)};\nconsole.log(1)`],
  ])('leaves %s as it is', (_, code) => {
    expect(storeInPieces(code)).toBeUndefined();
  });
});
