import { isMap, isScalar, parseDocument, visit } from 'yaml';
import type { Document } from 'yaml';
import { commentProblems, lineColumn, markProblems, yamlProblems } from './yaml-problems.ts';
import type { Mark } from './yaml-problems.ts';

/**
 * The one reader of Markdown frontmatter: the article loader, the content linter, the sitemap's
 * dates and the scaffold's slug check all call it, so that the fields an article is linted with are
 * the fields it is built with. Fences are read as remark-frontmatter reads them: the file starts,
 * after an optional byte order mark, with a line of three dashes, and the frontmatter ends at the
 * next line of exactly three dashes (trailing spaces allowed). Timestamps stay strings (YAML 1.2
 * core schema), so the schema can refuse a `publishedAt` without an offset instead of reading it
 * as UTC.
 */

/** A problem reading the frontmatter, with its line and column in the file. */
export interface FrontmatterError {
  message: string;
  line: number;
  column: number;
}

/** A Markdown file's frontmatter, parsed, and the Markdown after it. */
export interface Frontmatter {
  /** False when the file does not start with a `---` line at all. */
  found: boolean;
  /** The fields; empty when there are none or they cannot be read. */
  data: Record<string, unknown>;
  /** Why the frontmatter cannot be read (unclosed, not YAML, not fields); empty when it can. */
  errors: FrontmatterError[];
  /** Line and column in the file of the value at `path` (or of the nearest parent that exists). */
  position: (path: readonly PropertyKey[]) => { line: number; column: number };
  /** Line and column in the file of the name of the field at `path`; else as `position`. */
  keyPosition: (path: readonly PropertyKey[]) => { line: number; column: number };
  /** The Markdown after the closing fence; the whole file when there is no closed frontmatter. */
  body: string;
}

/** The file split at its fences: the YAML text and the body, or why there is no YAML. */
export type FrontmatterSplit = { yaml: string; body: string } | 'none' | 'unclosed';

const opening = /^\uFEFF?---[ \t]*\r?\n/;
const closing = /^---[ \t]*(?:\r?\n|$)/m;

/** Splits a Markdown file at its frontmatter fences. */
export function splitFrontmatter(source: string): FrontmatterSplit {
  const open = opening.exec(source);
  if (!open) return 'none';
  const rest = source.slice(open[0].length);
  const close = closing.exec(rest);
  if (!close) return 'unclosed';
  return {
    yaml: rest.slice(0, close.index).replace(/\r?\n$/, ''),
    body: rest.slice(close.index + close[0].length),
  };
}

/** Where an article's body starts in its file: line and column, as a unist `Point`, and offset. */
export interface BodyStart {
  line: number;
  column: number;
  offset: number;
}

/**
 * The body of an article as it is rendered and linted: the Markdown after the frontmatter (the whole
 * file when there is no closed frontmatter), trimmed, and where it starts in the file, so that a
 * place in the body can be said as a place in the file.
 */
export function articleBody(
  source: string,
  split: FrontmatterSplit = splitFrontmatter(source),
): { body: string; start: BodyStart } {
  const after = typeof split === 'string' ? source : split.body;
  const offset = source.length - after.length + (after.length - after.trimStart().length);
  const lines = source.slice(0, offset).split('\n');
  const column = lines.at(-1)!.length + 1;
  return { body: after.trim(), start: { line: lines.length, column, offset } };
}

const start = { line: 1, column: 1 };

/** Text YAML's core schema reads as null or a boolean, not as the word itself. */
const notWord = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/**
 * A double-quoted value as YAML keeps it, character for character: no escape, no quote, and none of
 * the characters YAML might read as a break or refuse (controls, NEL, the Unicode line and
 * paragraph separators, a byte order mark).
 */
const quoted = String.raw`"[^"\\\x00-\x1f\x7f\x85\u2028\u2029\ufeff]*"`;
/** The rest of unquoted words after their first character: letters, digits, `_./-`, single spaces. */
const wordsAfterFirst = String.raw`[A-Za-z0-9_./-]*(?: [A-Za-z0-9_./-]+)*`;
/** Words starting with a letter, as YAML reads them unquoted. */
const plainWords = `[A-Za-z]${wordsAfterFirst}`;
/** A comment after a value or a name (` # ...`). */
const comment = String.raw`(?: +#(?: .*)?)?`;
/** An item of a list in brackets: a double-quoted value or words. */
const item = `(?:${quoted}|${plainWords})`;
/**
 * A field of the kinds nearly every article's frontmatter is made of, alone on its line: a name,
 * `: `, then a double-quoted value, a list of items in brackets, or words (no `:`, `#` or mark YAML
 * reads specially), a path (`./photo.jpg`) or a whole number; then perhaps a comment (` # ...`).
 */
const plainField = new RegExp(
  String.raw`^([A-Za-z][A-Za-z0-9_-]*): +(?:(${quoted})|\[ *((?:${item}(?: *, *${item})*)?) *\]|((?:\.\.?\/)?[A-Za-z0-9]${wordsAfterFirst}))${comment}$`,
);
const items = new RegExp(item, 'g');
/** A comment on a line of its own (`#` then a space, or nothing). */
const commentLine = /^#(?: .*)?$/;

/**
 * The line that opens a field of fields (`hero:`, perhaps with a comment, its fields below it,
 * indented by two spaces).
 */
const mapName = new RegExp(String.raw`^([A-Za-z][A-Za-z0-9_-]*):${comment}$`);
/** A whole number YAML's core schema reads as the same number. */
const wholeNumber = /^(?:0|[1-9][0-9]{0,14})$/;

/**
 * Sets the field of a `plainField` line in `fields`, as YAML's core schema reads it; false when the
 * line is no such field, a name given twice, or a value YAML reads as another type.
 */
function readField(fields: Record<string, unknown>, line: string): boolean {
  const match = plainField.exec(line);
  if (!match) return false;
  const [, key = '', value, list, words = ''] = match;
  if (Object.hasOwn(fields, key) || notWord.test(key)) return false;
  if (value !== undefined) fields[key] = value.slice(1, -1);
  else if (list !== undefined) {
    const values = Array.from(list.matchAll(items), ([each]) => each);
    // Unquoted, `True` or `null` would be another type.
    if (values.some((each) => notWord.test(each))) return false;
    fields[key] = values.map((each) => (each.startsWith('"') ? each.slice(1, -1) : each));
  } else if (words === 'true' || words === 'false') fields[key] = words === 'true';
  else if (wholeNumber.test(words)) fields[key] = Number(words);
  else if (notWord.test(words) || /^[0-9]/.test(words)) return false;
  else fields[key] = words;
  return true;
}

/**
 * The fields of frontmatter made only of `plainField` lines and fields of such fields (`hero:`),
 * read without YAML's parser: what `parseDocument(yaml, { schema: 'core' }).toJS()` gives for them
 * (tests/unit/frontmatter.test.ts compares the two on generated frontmatter), at about a
 * seventeenth of the cost. The YAML parser read every article's frontmatter twice in a cold build (the check's index
 * and Astro's sync): 45 CPU-seconds at 100,000 articles. Undefined for anything else (a blank line,
 * a block of text, a list of fields, deeper nesting, a value YAML would read as another type),
 * which YAML then reads.
 */
export function plainFields(yaml: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  // The fields of the last `name:` line, while its indented lines follow.
  let inner: Record<string, unknown> | undefined;
  for (const line of yaml.split('\n')) {
    if (inner !== undefined && line.startsWith('  ')) {
      if (!readField(inner, line.slice(2))) return undefined;
      continue;
    }
    // `name:` with nothing under it is null.
    if (inner !== undefined && Object.keys(inner).length === 0) return undefined;
    inner = undefined;
    if (commentLine.test(line)) continue;
    const name = mapName.exec(line)?.[1];
    if (name === undefined) {
      if (!readField(data, line)) return undefined;
    } else if (Object.hasOwn(data, name) || notWord.test(name)) return undefined;
    else data[name] = inner = {};
  }
  // No field at all (comments alone) is YAML's null.
  const empty = (fields: Record<string, unknown>) => Object.keys(fields).length === 0;
  return empty(data) || (inner !== undefined && empty(inner)) ? undefined : data;
}

/** Reads the frontmatter of a Markdown file's text. */
export function parseFrontmatter(source: string): Frontmatter {
  const split = splitFrontmatter(source);
  if (typeof split === 'string') {
    const errors =
      split === 'unclosed'
        ? [
            {
              message:
                'the frontmatter has no closing --- line: end the fields with a line of three dashes and nothing else',
              ...start,
            },
          ]
        : [];
    return {
      found: split === 'unclosed',
      data: {},
      errors,
      position: () => start,
      keyPosition: () => start,
      body: source,
    };
  }
  let parsed: Document | undefined;
  const parse = () => (parsed ??= parseDocument(split.yaml, { schema: 'core', prettyErrors: false }));
  // Positions are worked out when asked for (the loader never asks; yaml's LineCounter would double
  // the cost of every parse). The YAML starts on the line after the opening fence.
  const at = (offset: number) => {
    const { line, column } = lineColumn(split.yaml, offset);
    return { line: line + 1, column };
  };
  const position = (path: readonly PropertyKey[]) => {
    for (let length = path.length; length > 0; length -= 1) {
      const node = parse().getIn(path.slice(0, length) as (string | number)[], true) as
        { range?: number[] } | undefined;
      if (node?.range?.[0] !== undefined) return at(node.range[0]);
    }
    return start;
  };
  const keyPosition = (path: readonly PropertyKey[]) => {
    const offset = keyOffset(parse(), path);
    return offset === undefined ? position(path) : at(offset);
  };
  const plain = plainFields(split.yaml);
  if (plain) return { found: true, data: plain, errors: [], position, keyPosition, body: split.body };
  const document = parse();
  const errors = yamlProblems(split.yaml, document.errors).map(({ message, offset }) => ({
    message,
    ...at(offset),
  }));
  if (errors.length === 0) {
    // YAML reads these without an error: a reference to no value fails to turn into values, and a
    // name or type on a value silently drops the word it takes (`title: &Co rises` is "rises").
    const found: { offset: number; mark: Mark }[] = [];
    const named = new Map<string, number>();
    const referenced = new Set<string>();
    const dropped: number[] = [];
    visit(document, {
      Alias: (_, node) => {
        referenced.add(node.source);
        if (node.resolve(document) === undefined) found.push({ offset: node.range?.[0] ?? 0, mark: '*' });
      },
      Node: (_, node) => {
        const offset = node.range?.[0] ?? 0;
        if (node.anchor) named.set(node.anchor, offset);
        if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:')) found.push({ offset, mark: '!' });
        if (node.comment !== undefined && node.comment !== null && /^\S/.test(node.comment))
          dropped.push(offset);
      },
    });
    for (const [anchor, offset] of named) if (!referenced.has(anchor)) found.push({ offset, mark: '&' });
    found.sort((a, b) => a.offset - b.offset);
    // One message per line, the first there: its fix (the value in quotes) mends the others too.
    const lines = new Set<number>();
    for (const { message, offset } of [
      ...markProblems(split.yaml, found),
      ...commentProblems(split.yaml, dropped),
    ].sort((a, b) => a.offset - b.offset)) {
      const place = at(offset);
      if (!lines.has(place.line)) errors.push({ message, ...place });
      lines.add(place.line);
    }
  }
  const value = errors.length > 0 ? {} : ((document.toJS() as unknown) ?? {});
  const fields = typeof value === 'object' && !Array.isArray(value);
  if (!fields) {
    errors.push({ message: 'the frontmatter must be fields, one `name: value` per line', ...at(0) });
  }
  return {
    found: true,
    data: fields ? (value as Record<string, unknown>) : {},
    errors,
    position,
    keyPosition,
    body: split.body,
  };
}

/** Where in a YAML document the name of the field at `path` is written (an offset), if it is. */
export function keyOffset(document: Document, path: readonly PropertyKey[]): number | undefined {
  const holder =
    path.length > 1 ? document.getIn(path.slice(0, -1) as (string | number)[], true) : document.contents;
  if (!isMap(holder)) return undefined;
  const pair = holder.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1));
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}
