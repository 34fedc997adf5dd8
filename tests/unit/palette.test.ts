import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { colour, colourTokens } from '../../src/lib/palette.ts';

const tokensCss = readFileSync('src/styles/tokens.css', 'utf8');
const rssCss = readFileSync('public/rss.css', 'utf8');

describe('colourTokens', () => {
  test.each([
    { css: ':root { --ink: #1B1A18; }', light: { ink: '#1b1a18' }, dark: {} },
    {
      css: ':root { --ink: #111; --space-1: 0.25rem; } @media (prefers-color-scheme: dark) { :root { --ink: #eee; } }',
      light: { ink: '#111' },
      dark: { ink: '#eee' },
    },
    {
      css: ':root{--accent:#a1221b;--accent-ink:#ffffff}@media (prefers-color-scheme:dark){:root{--accent:#f0877c;}}',
      light: { accent: '#a1221b' },
      dark: { accent: '#f0877c' },
    },
    { css: ':root { --font-sans: system-ui; }', light: {}, dark: {} },
  ])('$css has light $light and dark $dark', ({ css, light, dark }) => {
    const palette = colourTokens(css);
    expect(Object.fromEntries(palette.light)).toEqual(light);
    expect(Object.fromEntries(palette.dark)).toEqual(dark);
  });
});

describe('colour', () => {
  test('names a missing token, so a renamed one stops the logo script instead of painting nothing', () => {
    expect(() => colour(new Map([['ink', '#111']]), 'paper')).toThrow('--paper');
    expect(colour(new Map([['ink', '#111']]), 'ink')).toBe('#111');
  });
});

describe('one palette', () => {
  const tokens = colourTokens(tokensCss);
  const feedPage = colourTokens(rssCss);

  test.each(['light', 'dark'] as const)(
    'every %s colour of the feed page (public/rss.css) is the one in src/styles/tokens.css',
    (scheme) => {
      expect(feedPage[scheme].size).toBeGreaterThan(0);
      for (const [name, value] of feedPage[scheme])
        expect([name, value]).toEqual([name, tokens[scheme].get(name)]);
    },
  );
});
