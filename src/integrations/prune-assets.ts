import type { AstroIntegration } from 'astro';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetsInFile } from '../lib/assets.ts';

const imageFile = /\.(?:jpe?g|png|webp|avif|gif|svg|tiff?)$/i;
const textFile = /\.(?:html|xml|json|css|js|txt|xsl)$/i;

/**
 * Removes images under `_astro/` that no page, feed or stylesheet refers to. Astro copies every
 * original photo it reads into the output, even when only resized versions are used, and the
 * build links there the originals it did not read whose renditions it made
 * (src/integrations/content-photos.ts); an original nobody links to is dead weight at best, and at
 * worst a photo that should not be public.
 */
export function pruneAssets(): AstroIntegration {
  return {
    name: 'broadsheet:prune-assets',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => relative(root, join(entry.parentPath, entry.name)));
        const referenced = new Set<string>();
        for (const file of files.filter((each) => textFile.test(each))) {
          for (const name of assetsInFile(join(root, file))) referenced.add(name);
        }
        const unused = files.filter(
          (file) =>
            file.startsWith('_astro/') &&
            imageFile.test(file) &&
            !referenced.has(file.slice('_astro/'.length)),
        );
        for (const file of unused) rmSync(join(root, file));
        if (unused.length > 0) logger.info(`removed ${unused.length} unreferenced images`);
      },
    },
  };
}
