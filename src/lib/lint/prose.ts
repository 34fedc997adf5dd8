/**
 * The prose checks of the content linter: pure functions of a text, so each has a table test
 * (tests/unit/lint-prose.test.ts). The remark rules in body-rules.ts run them over an article's body.
 */

/**
 * Numbers with broken digit groups: letters inside a group ("814,9f00") or groups that are not three
 * digits in English text ("1,00,000").
 */
export function malformedNumbers(text: string): string[] {
  return [...text.matchAll(/\d[\da-z]*(?:,[\da-z]+)+/gi)]
    .map((match) => match[0])
    .filter((token) => {
      const [first = '', ...groups] = token.split(',');
      return !/^\d{1,3}$/.test(first) || groups.some((group) => !/^\d{3}$/.test(group));
    });
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
