import type { AstroIntegration } from 'astro';
import { realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { contentImageFlag, contentPhotoFile } from '../lib/content-photos.ts';

/**
 * Resolves the imports of the articles' photos that Astro writes into content-assets.mjs, one per
 * article with a photo, before Astro's own resolver of them (`astro:content-asset-propagation`),
 * which asks Vite to resolve each path from its article through every plugin, and grew faster than
 * the archive: 0.08 s at 10,000 articles (2,000 imports; profiled), and at 100,000 (20,012) Vite's
 * bundle of a publish took 7.5–10.4 s with it and 4.0–4.5 s without. The module is the one Astro's
 * gives: the photo's real path (Vite follows links to a file) with the flag. A photo that is not
 * there, or an import that is not a path from the article, is left to Astro, whose error names it.
 */
export function contentPhotos(): AstroIntegration {
  return {
    name: 'broadsheet:content-photos',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({ vite: { plugins: [resolveContentPhotos(fileURLToPath(config.root))] } });
      },
    },
  };
}

function resolveContentPhotos(root: string): Plugin {
  return {
    name: 'broadsheet:content-photos',
    resolveId: {
      // Before Astro's plugin, which is also one Vite runs first (`enforce: 'pre'`).
      order: 'pre',
      filter: { id: new RegExp(`[?&]${contentImageFlag}(?:[&=]|$)`) },
      handler(id) {
        const file = contentPhotoFile(id, root);
        if (file === undefined) return null;
        try {
          const real = realpathSync.native(file);
          return statSync(real).isFile() ? `${real}?${contentImageFlag}` : null;
        } catch {
          return null;
        }
      },
    },
  };
}
