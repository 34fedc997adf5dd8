import { LineCounter, parseDocument } from 'yaml';

/**
 * YAML frontmatter with positions, so that a problem in a field can be reported at the line the
 * editor wrote it on. Timestamps stay strings (YAML 1.2 core schema), as in the article loader.
 */
export interface Frontmatter {
  data: Record<string, unknown>;
  /** Problems parsing the YAML itself, with their line and column in the file. */
  errors: { message: string; line: number; column: number }[];
  /** Line and column in the file of the value at `path` (or of the nearest parent that exists). */
  position: (path: readonly PropertyKey[]) => { line: number; column: number };
}

/** Parses the frontmatter of a Markdown file's text; `data` is empty when there is none. */
export function parseFrontmatter(source: string): Frontmatter {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/.exec(source);
  const yamlText = match?.[1] ?? '';
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, schema: 'core', prettyErrors: false });
  // The YAML starts on the line after the opening ---.
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };
  const position = (path: readonly PropertyKey[]) => {
    for (let length = path.length; length > 0; length -= 1) {
      const node = document.getIn(path.slice(0, length) as (string | number)[], true) as
        { range?: number[] } | undefined;
      if (node?.range?.[0] !== undefined) return at(node.range[0]);
    }
    return { line: 1, column: 1 };
  };
  const data = document.toJS() as unknown;
  return {
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    errors: document.errors.map((error) => ({
      message: error.message.split('\n')[0] ?? error.message,
      ...at(error.pos[0]),
    })),
    position,
  };
}
