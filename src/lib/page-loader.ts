import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { rendererDigest } from './bodies.ts';

/**
 * Static pages (`<content>/pages/*.md`): Astro's glob loader, which renders them with the article
 * pipeline (astro.config.mjs) and keeps the HTML in its content store. It reuses an entry whose file
 * did not change, HTML and all, so the pages are forgotten and rendered again when the pipeline's
 * code changes (`rendererDigest`, recorded in the collection's meta store after each load).
 */
export function pageLoader(base: string): Loader {
  const inner = glob({ pattern: '*.md', base });
  return {
    name: 'broadsheet-pages',
    load: async (context) => {
      const renderer = rendererDigest(fileURLToPath(context.config.root));
      if (context.meta.get('renderer') !== renderer) context.store.clear();
      await inner.load(context);
      context.meta.set('renderer', renderer);
    },
  };
}
