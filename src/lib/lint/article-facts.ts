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

/**
 * The facts kept at `path` for a content folder: those of a file whose text (and the linter's code)
 * is as it was are taken as they are, the others read again (`keptRecord`).
 */
export function articleFactsCache(path: string) {
  const record = keptRecord<{ text: string; facts: ArticleFacts }>(path, linterDigest());
  return {
    /** The facts of the file at `entry` with this text: kept ones, or `read` ones. */
    facts(entry: string, text: string, read: () => ArticleFacts): ArticleFacts {
      const digest = createHash('sha256').update(text).digest('base64url');
      const kept = record.kept(entry);
      const facts = kept?.text === digest ? kept.facts : read();
      record.put(entry, { text: digest, facts });
      return facts;
    },
    save: record.save,
  };
}
