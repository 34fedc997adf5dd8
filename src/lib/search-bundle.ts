import { join } from 'node:path';
import { createIndex } from 'pagefind';
import { holdLinks, surveyFolder } from './links.ts';

/** Pagefind's settings; part of every shard's digest (search-index.ts). */
export const pagefindConfig = {};

/**
 * Writes a Pagefind bundle of the article pages under `pages` (none if absent) into `output`, with
 * the Pagefind service of this thread.
 */
export async function writeBundle(output: string, pages?: string): Promise<void> {
  const { index, errors } = await createIndex(pagefindConfig);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  if (pages) {
    const added = await index.addDirectory({ path: pages, glob: 'articles/**/*.html' });
    if (added.errors.length > 0) throw new Error(`Pagefind failed to index: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(`Pagefind failed to write: ${written.errors.join('; ')}`);
  // The service keeps every index it was given until told otherwise: one shard at a time keeps its
  // memory to an eighth.
  await index.deleteIndex();
}

/**
 * Writes the bundle of a shard's `pages` into `output`. Pagefind reads a folder of pages far faster
 * than pages handed over one by one, so the pages (`from` names where each is) are linked into a
 * folder of the shard's own, `folder`, beside the site. The folders stay from one build to the
 * next: a page that did not change is the same file (src/lib/build-cache.ts), whose link in them
 * stays, so only the pages that changed are linked again.
 */
export async function indexShardPages(
  folder: string,
  from: (page: string) => string,
  pages: readonly string[],
  output: string,
): Promise<void> {
  holdLinks(folder, surveyFolder(folder), from, new Set(pages));
  await writeBundle(output, folder);
}

/** A shard to index from the pages of the built site in `site` (`indexShardPages`), as a thread is handed it. */
export interface ShardFromSite {
  site: string;
  folder: string;
  pages: string[];
  output: string;
}

/** `indexShardPages` of a shard whose pages are all in the built site. */
export function indexShardFromSite({ site, folder, pages, output }: ShardFromSite): Promise<void> {
  return indexShardPages(folder, (page) => join(site, page), pages, output);
}
