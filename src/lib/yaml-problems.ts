import type { YAMLError } from 'yaml';
import { fieldWords } from './field-words.ts';

/**
 * YAML's syntax errors in an editor's words, placed where the editor fixes them. The two mistakes
 * editors make most get a message of their own: a value with a colon in it (`title: Breaking: fire`,
 * which YAML reads as a field inside a field) and a quote that is never closed (which YAML reports
 * where it gives up, often lines later, after a quote of the next field seemed to close it).
 */

/** One problem: what to do, and where in the YAML text (an offset). */
export interface YamlProblem {
  message: string;
  offset: number;
}

/** A `key: value` line, possibly a list entry: its indentation, key and value. */
const field = /^(\s*(?:-\s+)?)([^\s:#'"-][^:#]*?):[ \t]+(\S.*?)\s*$/;

/** The value in quotes as YAML reads it back unchanged: double quotes unless they would need escapes. */
function quoted(value: string): string {
  return /["\\]/.test(value) ? `'${value.replaceAll("'", "''")}'` : `"${value}"`;
}

/**
 * The key path of the field on line `at`, following indentation up to the top. Inside a list entry
 * it is the field's own key alone (its place in the list is not worked out from the text).
 */
function keyPath(lines: string[], at: number): string[] {
  const [, indent = '', key = ''] = field.exec(lines[at] ?? '') ?? [];
  const path = [key];
  let depth = indent.length;
  for (let line = at; line >= 0 && depth > 0; line -= 1) {
    const [, spaces = '', dash, parent] =
      /^(\s*)(-\s)?(?:([^\s:#'"-][^:#]*?):\s*$)?/.exec(lines[line] ?? '') ?? [];
    if (dash !== undefined) return [key];
    if (parent !== undefined && spaces.length < depth) {
      path.unshift(parent);
      depth = spaces.length;
    }
  }
  return path;
}

/** Whether the text after an opening `quote` closes it on the same line. */
function closes(rest: string, quote: string): boolean {
  return quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/.test(rest) : /'(?!')/.test(rest.replaceAll("''", ''));
}

/**
 * The line where an unclosed quote opens: the first value that starts with a quote not closed on its
 * line and followed by another field (a quoted value may run on over lines, but not into a field).
 */
function unclosedQuote(lines: string[]): { line: number; column: number; quote: string } | undefined {
  const open = lines.flatMap((text, line) => {
    const match = field.exec(text);
    const value = match?.[3] ?? '';
    const quote = value[0];
    if (!match || (quote !== '"' && quote !== "'") || closes(value.slice(1), quote)) return [];
    return [{ line, column: valueColumn(text, value), quote }];
  });
  return open.find(({ line }) => line + 1 >= lines.length || field.test(lines[line + 1] ?? '')) ?? open[0];
}

/**
 * The first field whose value is a list or mapping written on its line with a `#` at the start of an
 * item (`tags: [Markets, #Shipping]`): YAML reads the rest of the line as a comment, then reports the
 * list as never closed, on the next line. Where the `#` is, and the line with each such item quoted.
 */
function hashInFlow(lines: string[]): { line: number; column: number; fix: string } | undefined {
  for (const [line, text] of lines.entries()) {
    const [, , key = '', value = ''] = field.exec(text) ?? [];
    const hash = /[[{,\s]#/.exec(value);
    const close = value.startsWith('[') ? ']' : '}';
    // A comment after the closed list is one; a quoted item may hold a # or a comma of its own:
    // such a list gets YAML's own message.
    const closed = value.indexOf(close);
    if (!/^[[{]/.test(value) || !hash || (closed >= 0 && closed < hash.index) || /["']/.test(value)) continue;
    const items = value
      .slice(1)
      .replace(/[\]}]$/, '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .map((item) => (item.startsWith('#') ? `"${item}"` : item));
    const fix = `${key}: ${value[0] ?? ''}${items.join(', ')}${close}`;
    return { line, column: valueColumn(text, value) + hash.index + 1, fix };
  }
  return undefined;
}

/** Line and column (both from 1) of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Where on its line a field's value starts (the value runs to the end of the line). */
function valueColumn(text: string, value: string): number {
  return text.trimEnd().length - value.length;
}

/** Each YAML error of the frontmatter `yaml` as a problem; one per line, the first there. */
export function yamlProblems(yaml: string, errors: readonly YAMLError[]): YamlProblem[] {
  const raw = yaml.split('\n');
  const lines = raw.map((line) => line.replace(/\r$/, ''));
  const lineAt = (offset: number) => yaml.slice(0, offset).split('\n').length - 1;
  const offsetOf = (line: number, column: number) =>
    raw.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0) + column;
  const problems = errors.map((error): YamlProblem => {
    const line = lineAt(error.pos[0]);
    const match = field.exec(lines[line] ?? '');
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && match) {
      const [text = '', , key = '', value = ''] = match;
      return {
        message: `put ${fieldWords(keyPath(lines, line))} in quotes, for YAML reads a colon in it as the start of another field: \`${key}: ${quoted(value)}\``,
        offset: offsetOf(line, valueColumn(text, value)),
      };
    }
    const hashed = hashInFlow(lines);
    // YAML reports it at the # or, as a list never closed, on the next line.
    if (hashed && (line === hashed.line || line === hashed.line + 1)) {
      return {
        message: `put each value that starts with # in quotes, for YAML reads a # after a space, [ or , as a comment and drops the rest of the line: \`${hashed.fix}\``,
        offset: offsetOf(hashed.line, hashed.column),
      };
    }
    const open = error.code === 'MISSING_CHAR' && /quote/.test(error.message) && unclosedQuote(lines);
    if (open) {
      const text = (lines[open.line] ?? '').trim();
      return {
        message: `the quote that opens here is never closed: add the closing ${open.quote} at the end of the line: \`${text}${open.quote}\``,
        offset: offsetOf(open.line, open.column),
      };
    }
    // `title: *Exclusive* interview` (a reference with words after it), `title: @Home`.
    const mark = match?.[3]?.[0];
    if (mark !== undefined && mark in marks)
      return markProblems(yaml, [{ offset: error.pos[0], mark: mark as Mark }])[0]!;
    return {
      message: `this line is not valid YAML: ${error.message.split('\n')[0] ?? error.message}`,
      offset: error.pos[0],
    };
  });
  return problems.filter(
    (problem, index) =>
      problems.findIndex((other) => lineAt(other.offset) === lineAt(problem.offset)) === index,
  );
}

/** The characters YAML reads specially at the start of a value, and what it does with them. */
const marks = {
  '*': 'reads a value that starts with * as a reference to another value',
  '&': 'reads a word that starts with & as a name for what follows it, and keeps only that',
  '!': 'reads a word that starts with ! as a type for what follows it, and keeps only that',
  '@': 'cannot read a value that starts with @',
  '`': 'cannot read a value that starts with `',
  '%': 'cannot read a value that starts with %',
} as const;
/** A character of `marks`. */
export type Mark = keyof typeof marks;

/**
 * A value that starts with a character YAML reads specially (`marks`): `title: *Exclusive*` (a
 * reference to a value marked elsewhere: YAML cannot read the fields), `title: &Co rises` or
 * `title: !Important story` (YAML would keep "rises" and "story" alone, silently), `title: @Home`.
 * One problem per value found at `offset` in the frontmatter `yaml`, with the line as it should be
 * when the field's whole value starts with it (not a list holding one).
 */
export function markProblems(yaml: string, found: readonly { offset: number; mark: Mark }[]): YamlProblem[] {
  const raw = yaml.split('\n');
  const lines = raw.map((line) => line.replace(/\r$/, ''));
  return found.map(({ offset, mark }) => {
    const line = yaml.slice(0, offset).split('\n').length - 1;
    const match = field.exec(lines[line] ?? '');
    const whole = match?.[3]?.startsWith(mark) ? match : undefined;
    const fix = whole ? `: \`${whole[2] ?? ''}: ${quoted(whole[3] ?? '')}\`` : '';
    const start = raw.slice(0, line).reduce((sum, text) => sum + text.length + 1, 0);
    return {
      message: `put ${whole ? fieldWords(keyPath(lines, line)) : `the value that starts with ${mark}`} in quotes, for YAML ${marks[mark]}${fix}`,
      offset: whole ? start + valueColumn(whole[0], whole[3] ?? '') : offset,
    };
  });
}

/**
 * A ` #` in a value starts a comment, which YAML drops: `title: Shares up #1 in the region` is
 * "Shares up". A comment whose text follows the `#` without a space (`#1`, `#tag`) is taken for a
 * part of the value; one with a space (`format: news # or analysis`, as the template writes) for a
 * comment. One problem per value at `offsets` in the frontmatter `yaml`.
 */
export function commentProblems(yaml: string, offsets: readonly number[]): YamlProblem[] {
  const lines = yaml.split('\n').map((line) => line.replace(/\r$/, ''));
  return offsets.map((offset) => {
    const line = yaml.slice(0, offset).split('\n').length - 1;
    const text = lines[line] ?? '';
    const comment = text.slice(text.indexOf(' #') + 1);
    // The field's regex stops at a #: the value runs from after the key to the end of the line.
    const [, indent = '', key = ''] = /^(\s*(?:-\s+)?)([^\s:#'"-][^:#]*?):[ \t]+/.exec(text) ?? [];
    const value = text.slice(indent.length + key.length + 1).trim();
    const plain = key !== '' && !/^["'[{]/.test(value);
    return {
      message: `put ${plain ? fieldWords(keyPath(lines, line)) : 'the whole value'} in quotes, for YAML reads "${comment}" as a comment and drops it${plain ? `: \`${key}: ${quoted(value)}\`` : ''}`,
      offset,
    };
  });
}
