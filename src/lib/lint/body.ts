import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { remarkLeanGfm } from '../../markdown/lean-gfm.ts';
import { articleBody } from '../frontmatter.ts';
import { bodyDigest, bodyFacts, inFile } from './body-facts.ts';
import type { BodyFacts } from './body-facts.ts';

/**
 * The body of the article file being checked, as the body rules see it: its facts (body-facts.ts),
 * placed in the file. Those a renderer's thread found of the same text in this build are taken as
 * they are; otherwise the body is parsed here, as the renderer parses it (remark-parse with GFM,
 * as Astro's Markdown processor does with `gfm`, and as lean: src/markdown/index.ts).
 */

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkLeanGfm);
const read = new WeakMap<VFile, BodyFacts>();
const none: BodyFacts = { photos: [], articleLinks: [], html: [], unbalanced: [], repeated: [], flagged: [] };

/**
 * Reads the body of `file` for the rules, with the facts `rendered` found, by the digest of each
 * body; true when they had this body's.
 */
export function readBody(file: VFile, rendered?: ReadonlyMap<string, BodyFacts>): boolean {
  const { body, start } = articleBody(String(file.value));
  const found = rendered?.get(bodyDigest(body));
  read.set(file, inFile(found ?? bodyFacts(parser.parse(body)), start));
  return found !== undefined;
}

/** The facts of the body of `file`, as `readBody` read them (none for a file it did not read). */
export function bodyOf(file: VFile): BodyFacts {
  return read.get(file) ?? none;
}
