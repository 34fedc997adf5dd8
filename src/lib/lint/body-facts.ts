import type { Root } from 'mdast';
import { hash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Point, Position } from 'unist';
import type { BodyStart } from '../frontmatter.ts';
import { standaloneImages } from '../figures.ts';
import { malformedNumbers, placeholders, repeatedWords, unbalanced } from './prose.ts';
import type { Found } from './prose.ts';
import { nodesOf, textsUnder } from './tree-nodes.ts';

/**
 * What the content rules need of an article's body, found in its tree: the tree the renderer parses
 * (remark-parse with GFM, the body without its frontmatter), so that a cold build parses each body
 * once. The renderer's threads find them as they render (src/markdown/render.ts); the content check
 * finds them itself for a body nobody rendered (a draft, an embargoed story, a build that renders
 * nothing). Small and plain, to cross from a thread and from Astro's process: what the rules judge
 * with the content index (links to articles, photos) is listed, the rest judged here.
 * Positions are the body's own (its first line is line 1); `inFile` moves them into the file.
 */
export interface BodyFacts {
  /** Photos alone in their paragraph (figures), in document order. */
  photos: { url: string; alt: string; title: string | null; position?: Position | undefined }[];
  /** Links to an article of the site, with its id (slug). */
  articleLinks: { url: string; id: string; position?: Position | undefined }[];
  /** Raw HTML, for the rules on embeds and comments. */
  html: { value: string; position?: Position | undefined }[];
  /** Paragraphs whose quotes or brackets do not pair up (prose.ts). */
  unbalanced: { problems: string[]; position?: Position | undefined }[];
  /** Words said twice in a row, at their text (prose.ts). */
  repeated: { words: string; position?: Position | undefined }[];
  /**
   * Texts readers see that hold a malformed number or a placeholder (prose.ts), in document order:
   * a text node (`inText`: a flagged point is found in its value) or a photo's alt text or title
   * (reported at the photo).
   */
  flagged: { value: string; start: Point; inText: boolean; numbers: Found[]; placeholders: Found[] }[];
}

const articlePath = /^(?:https?:\/\/[^/]+)?\/articles\/([^/?#]+)\/?(?:[?#].*)?$/;

/** The facts of a body's tree (see `BodyFacts`). */
export function bodyFacts(tree: Root): BodyFacts {
  const facts: BodyFacts = {
    photos: standaloneImages(tree).map(({ image }) => ({
      url: image.url,
      alt: image.alt ?? '',
      title: image.title ?? null,
      position: image.position,
    })),
    articleLinks: [],
    html: [],
    unbalanced: [],
    repeated: [],
    flagged: [],
  };
  const flag = (value: string, start: Point, inText: boolean) => {
    const numbers = malformedNumbers(value);
    const held = placeholders(value);
    if (numbers.length > 0 || held.length > 0)
      facts.flagged.push({ value, start, inText, numbers, placeholders: held });
  };
  for (const node of nodesOf(tree)) {
    const { position } = node;
    if (node.type === 'link') {
      const id = articlePath.exec(node.url)?.[1];
      if (id) facts.articleLinks.push({ url: node.url, id, position });
    } else if (node.type === 'html') {
      facts.html.push({ value: node.value, position });
    } else if (node.type === 'paragraph') {
      const problems = unbalanced(textsUnder(node));
      if (problems.length > 0) facts.unbalanced.push({ problems, position });
    } else if (node.type === 'text') {
      for (const words of repeatedWords(node.value)) facts.repeated.push({ words, position });
      if (position) flag(node.value, position.start, true);
    } else if (node.type === 'image' && position) {
      for (const value of [node.alt, node.title]) if (value) flag(value, position.start, false);
    }
  }
  return facts;
}

/** `facts` with their positions moved from the body's into the file's, whose body starts at `start`. */
export function inFile(facts: BodyFacts, start: BodyStart): BodyFacts {
  const point = ({ line, column, offset }: Point): Point => ({
    line: line + start.line - 1,
    // The body's first line starts where the file's text after the frontmatter does.
    column: line === 1 ? column + start.column - 1 : column,
    ...(offset !== undefined && { offset: offset + start.offset }),
  });
  const place = <Placed extends { position?: Position | undefined }>(each: Placed): Placed =>
    each.position
      ? { ...each, position: { start: point(each.position.start), end: point(each.position.end) } }
      : each;
  return {
    photos: facts.photos.map(place),
    articleLinks: facts.articleLinks.map(place),
    html: facts.html.map(place),
    unbalanced: facts.unbalanced.map(place),
    repeated: facts.repeated.map(place),
    flagged: facts.flagged.map((each) => ({ ...each, start: point(each.start) })),
  };
}

/** The digest of a body's text, by which the check finds the facts a renderer's thread found of it. */
export const bodyDigest = (body: string): string => hash('sha1', body, 'base64url');

/**
 * Hands the facts a content sync's renderer found, by body digest, to the build's content check
 * (scripts/build.ts): V8's serialization, written whole under a temporary name, then renamed.
 */
export function writeRenderedFacts(file: string, facts: ReadonlyMap<string, BodyFacts>): void {
  writeFileSync(`${file}.partial`, serialize(facts));
  renameSync(`${file}.partial`, file);
}

/** The facts `writeRenderedFacts` wrote; none when it wrote none (the check then parses every body). */
export function readRenderedFacts(file: string): Map<string, BodyFacts> | undefined {
  try {
    return deserialize(readFileSync(file)) as Map<string, BodyFacts>;
  } catch {
    return undefined;
  }
}
