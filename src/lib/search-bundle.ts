import { createIndex } from 'pagefind';

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
