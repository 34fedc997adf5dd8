/**
 * The colour palette lives in src/styles/tokens.css alone. The feed page's stylesheet
 * (public/rss.css, served as it is) copies the colours it needs, checked against tokens.css by
 * tests/unit/palette.test.ts; scripts/masthead-logo.ts and the build's pages at old and removed
 * addresses (src/lib/redirects.ts) read them from tokens.css through here.
 */

/** The hex colour tokens of a stylesheet: light ones, and the dark scheme's overrides. */
export interface Palette {
  light: Map<string, string>;
  dark: Map<string, string>;
}

const darkScheme = /@media\s*\(\s*prefers-color-scheme:\s*dark\s*\)/;
const colourToken = /--([\w-]+):\s*(#[0-9a-fA-F]{3,8})\s*;/g;

/**
 * The `--name: #hex;` declarations of `css`, by scheme: those before its
 * `@media (prefers-color-scheme: dark)` block are light, those after it dark (as tokens.css and
 * rss.css are laid out).
 */
export function colourTokens(css: string): Palette {
  const split = css.search(darkScheme);
  const tokens = (part: string) =>
    new Map([...part.matchAll(colourToken)].map(([, name, value]) => [name!, value!.toLowerCase()]));
  return split < 0
    ? { light: tokens(css), dark: new Map() }
    : { light: tokens(css.slice(0, split)), dark: tokens(css.slice(split)) };
}

/** The value of colour token `name` (without its dashes); throws when the palette has none. */
export function colour(tokens: Map<string, string>, name: string): string {
  const value = tokens.get(name);
  if (value === undefined) throw new Error(`the palette has no colour --${name}`);
  return value;
}
