/**
 * The prose checks of the content linter: pure functions of a text, so each has a table test
 * (tests/unit/lint-prose.test.ts). The remark rules in body-rules.ts and text-rules.ts run them over
 * what an article shows.
 */

/** A text a check flags, and where it starts in the text searched. */
export interface Found {
  text: string;
  index: number;
}

const found = (match: RegExpMatchArray): Found => ({ text: match[0], index: match.index ?? 0 });

/**
 * Numbers with broken digit groups: letters inside a group ("814,9f00") or groups that are not three
 * digits in English text ("1,00,000").
 */
export function malformedNumbers(text: string): Found[] {
  return [...text.matchAll(/\d[\da-z]*(?:,[\da-z]+)+/gi)].map(found).filter(({ text: token }) => {
    const [first = '', ...groups] = token.split(',');
    return !/^\d{1,3}$/.test(first) || groups.some((group) => !/^\d{3}$/.test(group));
  });
}

/**
 * What writers type where text is still to come: TODO (the `npm run new` standfirst), TK ("to come",
 * also TKTK), XXX and longer, and the dummy text lorem ipsum. The first three only in capitals and as
 * whole words (of any script), so "todo", "Tokyo" or "XXL" are prose.
 */
export function placeholders(text: string): Found[] {
  return [
    ...text.matchAll(
      /(?<![\p{L}\p{M}\p{N}])(?:TODO|(?:TK)+|X{3,}|[Ll]orem\s+[Ii]psum)(?![\p{L}\p{M}\p{N}])/gu,
    ),
  ].map(found);
}

/**
 * Whether `entry` of the article's `allow:` list accepts `flagged`: the entry occurs in `text` where
 * it covers the flagged text. "TK Elevator" accepts the TK of that name and no other TK in the article.
 */
export function accepts(text: string, flagged: Found, entry: string): boolean {
  if (entry === '') return false;
  const end = flagged.index + flagged.text.length;
  for (
    let at = text.indexOf(entry, Math.max(0, end - entry.length));
    at !== -1 && at <= flagged.index;
    at = text.indexOf(entry, at + 1)
  ) {
    if (at + entry.length >= end) return true;
  }
  return false;
}

/** Whether the editor has accepted `flagged` as written: some entry of `allow` accepts it. */
export function acknowledged(text: string, flagged: Found, allow: readonly string[]): boolean {
  return allow.some((entry) => accepts(text, flagged, entry));
}

/** A paragraph whose quotes or brackets do not pair up. */
export function unbalanced(text: string): string[] {
  const problems: string[] = [];
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  if (count(/"/g) % 2 === 1) problems.push('an odd number of " quotes');
  if (count(/“/g) !== count(/”/g)) problems.push('unpaired “ ” quotes');
  if (count(/\(/g) !== count(/\)/g)) problems.push('unpaired ( ) brackets');
  if (count(/\[/g) !== count(/\]/g)) problems.push('unpaired [ ] brackets');
  return problems;
}

/**
 * The same word twice in a row ("the the"). Words are bounded by letters and digits of any script,
 * not by \b, which knows only ASCII and so missed "café café".
 */
export function repeatedWords(text: string): string[] {
  return [...text.matchAll(/(?<![\p{L}\p{M}\p{N}])([\p{L}\p{M}]+)\s+\1(?![\p{L}\p{M}\p{N}])/giu)].map(
    (match) => match[0],
  );
}
