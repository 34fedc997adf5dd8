import { createHash } from 'node:crypto';
import { articleId } from '../article-loader.ts';
import type { Frontmatter } from '../frontmatter.ts';
import { oldPath } from '../redirects.ts';
import { oldAddress } from '../schema/fields.ts';
import { keptRecord } from './kept-record.ts';
import { linterDigest } from './linter-digest.ts';

/**
 * What the content index reads of every article file for the rules that look across files: its
 * id, whether it is a draft, its date, its series part and its old addresses. They are kept between
 * runs by the file's text, for reading the YAML of every article took 5–6 s of each build's content
 * check at 10,000 articles, on the core Astro's build needs, to publish one story.
 */
export interface ArticleFacts {
  id: string;
  draft: boolean;
  /** `publishedAt` as written, when it is text (the schema rule says what is wrong with the rest). */
  publishedAt?: string | undefined;
  series?: { id: string; part: number } | undefined;
  /** The old addresses it lists in `redirectFrom:`, as paths (the valid ones; the schema rule names the rest). */
  redirectFrom: string[];
}

/** The facts of the article file at `entry` (under the articles folder) with this frontmatter. */
export function articleFacts(entry: string, { data }: Frontmatter): ArticleFacts {
  const membership = data['series'] as { id?: unknown; part?: unknown } | undefined;
  const redirects: unknown[] = Array.isArray(data['redirectFrom']) ? data['redirectFrom'] : [];
  return {
    id: articleId(entry, data),
    draft: data['draft'] === true,
    publishedAt: typeof data['publishedAt'] === 'string' ? data['publishedAt'] : undefined,
    series:
      typeof membership?.id === 'string' && typeof membership.part === 'number'
        ? { id: membership.id, part: membership.part }
        : undefined,
    redirectFrom: redirects.flatMap((address) =>
      oldAddress().safeParse(address).success ? [oldPath(address as string)] : [],
    ),
  };
}

/** What is kept of one article file: its facts, the digest of its text and, once settled, its looks. */
interface KeptFacts {
  /** The file's looks (`fileLooks`), when they were settled as the file was read (`looksSettled`). */
  looks?: string;
  text: string;
  facts: ArticleFacts;
}

/** An article file's facts and the digest of its text, which the lint cache keys its messages by. */
export interface FileFacts {
  facts: ArticleFacts;
  digest: string;
}

/**
 * The facts kept at `path` for a content folder: those of a file that looks as it did when it was
 * read (its inode, size and times, `fileLooks` in src/lib/article-files.ts) are taken without
 * reading it, as the build's sync takes its bodies: reading and hashing every file took 12 s of
 * processor time at every publish at 100,000 articles, on the core beside Astro. Those of a file
 * whose text (and the linter's code) is as it was are taken as they are; the others read again
 * (`keptRecord`).
 */
export function articleFactsCache(path: string) {
  const record = keptRecord<KeptFacts>(path, linterDigest());
  return {
    /** The kept facts of the file at `entry`, if it has these `looks` (undefined: a file not to trust so). */
    unchanged(entry: string, looks: string | undefined): FileFacts | undefined {
      const kept = record.kept(entry);
      if (looks === undefined || kept?.looks !== looks) return undefined;
      record.put(entry, kept);
      return { facts: kept.facts, digest: kept.text };
    },
    /**
     * The facts of the file at `entry` with this text: kept ones, or `read` ones. Its `looks` are kept
     * with them when given: those of a file read whole, and settled.
     */
    facts(entry: string, text: string, read: () => ArticleFacts, looks?: string): FileFacts {
      const digest = createHash('sha256').update(text).digest('base64url');
      const kept = record.kept(entry);
      const facts = kept?.text === digest ? kept.facts : read();
      record.put(entry, { ...(looks !== undefined && { looks }), text: digest, facts });
      return { facts, digest };
    },
    save: record.save,
  };
}
