import type { Root } from 'mdast';
import type { Point } from 'unist';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import type { ArticleRef, ContentIndex } from './content-index.ts';
import { fieldWords } from '../field-words.ts';
import { accepts, acknowledged, malformedNumbers, placeholders } from './prose.ts';
import type { Found } from './prose.ts';
import { articleOf, origin } from './rule.ts';
import { bodyOf } from './body.ts';

/**
 * The content rules on text readers will see, wherever the editor wrote it: the frontmatter's
 * headline, standfirst, notes, tags and captions, and the body. Their findings are errors (issue 12:
 * "814,9f00 yuan" and a "TODO:" standfirst went live while they were warnings), so an article the
 * editor has not marked as a draft cannot publish with them; the `allow:` field of the article
 * accepts a flagged text that is meant as written.
 */

/** One text the article shows, the field it comes from, and where a position in it is in the file. */
interface Shown {
  field: string;
  value: string;
  at: (index: number) => Point;
}

/** Frontmatter fields readers see, as paths; a correction also quotes the mistake it corrects. */
const shownFields = (data: Record<string, unknown>, corrections: boolean) => [
  ['title'],
  ['standfirst'],
  ['editorsNote'],
  ['disclosure'],
  ['hero', 'alt'],
  ['hero', 'caption'],
  ['hero', 'credit'],
  ...(Array.isArray(data['tags']) ? data['tags'].map((_, tag) => ['tags', tag]) : []),
  ...(corrections && Array.isArray(data['corrections'])
    ? data['corrections'].map((_, correction) => ['corrections', correction, 'text'])
    : []),
];

/** The value at `path` in the frontmatter, or undefined where the path does not lead. */
function valueAt(data: unknown, path: (string | number)[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/**
 * The point `index` characters into a body text that starts at `start`. Exact on the text's first
 * line; on later lines the column is counted from the line's text (indentation is not in the value).
 */
function pointIn(start: Point, value: string, index: number): Point {
  const lines = value.slice(0, index).split('\n');
  const last = lines.at(-1) ?? '';
  return lines.length === 1
    ? { line: start.line, column: start.column + index }
    : { line: start.line + lines.length - 1, column: last.length + 1 };
}

/**
 * Every text of `article` readers see that `check` may flag: from the frontmatter, then the body's
 * texts in which the check's finder found something (body-facts.ts, `flagged`).
 */
function shownTexts(file: VFile, article: ArticleRef, check: TextCheck): Shown[] {
  const { data, position } = article.frontmatter;
  const shown: Shown[] = [];
  for (const path of shownFields(data, check.corrections)) {
    const value = valueAt(data, path);
    // Frontmatter texts are reported at their field: a YAML value's characters can be escaped or folded.
    if (typeof value === 'string') shown.push({ field: fieldWords(path), value, at: () => position(path) });
  }
  for (const { value, start, inText, ...found } of bodyOf(file).flagged) {
    if (found[check.body].length === 0) continue;
    // A text node's flagged place is found in its value; a photo's alt text or title is reported at the photo.
    shown.push({ field: 'body', value, at: inText ? (index) => pointIn(start, value, index) : () => start });
  }
  return shown;
}

/**
 * The texts the editor accepted as written (`allow:`), as the schema reads them, each with its place
 * in the list. An entry that is not a text, or an empty one, is the schema's error.
 */
function allowed(article: ArticleRef): { at: number; text: string }[] {
  const allow = article.frontmatter.data['allow'];
  if (!Array.isArray(allow)) return [];
  return allow.flatMap((entry, at) =>
    typeof entry === 'string' && entry.trim() !== '' ? [{ at, text: entry.trim() }] : [],
  );
}

/** One text check: what it flags, in which texts, and what it says of a flagged text. */
interface TextCheck {
  find: (text: string) => Found[];
  /** What the body's facts list of what it finds. */
  body: 'numbers' | 'placeholders';
  /** Whether the corrections' texts are checked too. */
  corrections: boolean;
  problem: (text: string) => string;
}

/** Numbers with broken digit groups (prose.ts). Corrections are left out: they quote the typo they fix. */
const numberCheck: TextCheck = {
  find: malformedNumbers,
  body: 'numbers',
  corrections: false,
  problem: (text) => `"${text}" is not a well-formed number: check the digits and commas`,
};

/** Placeholders for text still to come (prose.ts). */
const placeholderCheck: TextCheck = {
  find: placeholders,
  body: 'placeholders',
  corrections: true,
  problem: (text) => `"${text}" is a placeholder: write the real text before the article publishes`,
};

/** A text a check flags, and the text it was found in. */
interface Flagged {
  shown: Shown;
  flagged: Found;
}

/** What each check flagged in a file: its own rule and stale-allow both ask. */
const flaggedBefore = new WeakMap<VFile, Map<TextCheck, Flagged[]>>();

/** Every text `check` flags in what the article shows, with the text it was found in. */
function flaggedIn(file: VFile, article: ArticleRef, check: TextCheck): Flagged[] {
  let byCheck = flaggedBefore.get(file);
  if (!byCheck) flaggedBefore.set(file, (byCheck = new Map<TextCheck, Flagged[]>()));
  let found = byCheck.get(check);
  if (!found) {
    found = shownTexts(file, article, check).flatMap((shown) =>
      check.find(shown.value).map((flagged) => ({ shown, flagged })),
    );
    byCheck.set(check, found);
  }
  return found;
}

/**
 * Reports every text `check` flags in what an article that will publish shows, unless accepted with
 * `allow:`. Drafts are unfinished by definition (`npm run new` writes a TODO standfirst) and are
 * checked once their `draft: true` goes.
 */
function flagShown(file: VFile, index: ContentIndex, check: TextCheck) {
  const article = articleOf(file, index);
  if (!article || article.draft) return;
  const allow = allowed(article).map((entry) => entry.text);
  for (const { shown, flagged } of flaggedIn(file, article, check)) {
    if (acknowledged(shown.value, flagged, allow)) continue;
    file.message(
      `${shown.field}: ${check.problem(flagged.text)}. If it is meant exactly as written, accept it in the frontmatter with \`allow: ${JSON.stringify([flagged.text])}\` (content/README.md#meant-as-written)`,
      { place: shown.at(flagged.index) },
    );
  }
}

/** Numbers with broken digit groups. */
export const malformedNumber = lintRule<Root, ContentIndex>(origin('malformed-number'), (_, file, index) => {
  flagShown(file, index, numberCheck);
});

/** Placeholders for text still to come. */
export const placeholder = lintRule<Root, ContentIndex>(origin('placeholder'), (_, file, index) => {
  flagShown(file, index, placeholderCheck);
});

/**
 * An `allow:` entry that accepts nothing the text checks flag: the text was corrected or cut since.
 * A warning, so that acknowledgements do not pile up unread and later accept a real mistake.
 */
export const staleAllow = lintRule<Root, ContentIndex>(origin('stale-allow'), (_, file, index) => {
  const article = articleOf(file, index);
  if (!article || article.draft) return;
  const flagged = [numberCheck, placeholderCheck].flatMap((check) => flaggedIn(file, article, check));
  for (const { at, text } of allowed(article)) {
    if (flagged.some(({ shown, flagged: each }) => accepts(shown.value, each, text))) continue;
    file.message(
      `${fieldWords(['allow', at])}: "${text}" no longer accepts anything: the article has no placeholder or malformed number that it covers: remove it from allow (content/README.md#meant-as-written)`,
      { place: article.frontmatter.position(['allow', at]) },
    );
  }
});
