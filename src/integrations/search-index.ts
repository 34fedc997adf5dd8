import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/**
 * Builds the Pagefind search index into `<dist>/pagefind/` after every production build, so that
 * the index always matches the pages and never holds anything the build did not publish.
 * Only elements marked `data-pagefind-body` (article headlines and text) are indexed.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'broadsheet:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // Only article pages carry data-pagefind-body; reading the listings would find nothing.
        const added = await index.addDirectory({ path: site, glob: 'articles/**/*.html' });
        if (added.errors.length > 0) throw new Error(`Pagefind failed to index: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length > 0)
          throw new Error(`Pagefind failed to write: ${written.errors.join('; ')}`);
        logger.info(`indexed ${added.page_count} pages for search`);
        await close();
      },
    },
  };
}
