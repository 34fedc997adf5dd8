import type { AstroIntegration } from 'astro';
import { readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetReferences } from '../lib/assets.ts';
import { eachAtOnce } from '../lib/at-once.ts';

const imageFile = /\.(?:jpe?g|png|webp|avif|gif|svg|tiff?)$/i;
const textFile = /\.(?:html|xml|json|css|js|txt|xsl)$/i;

/**
 * Removes images under `_astro/` that no page, feed or stylesheet refers to. Astro copies every
 * original photo it imports, even when only resized versions are used; an original nobody links to
 * is dead weight at best, and at worst a photo that should not be public.
 */
export function pruneAssets(): AstroIntegration {
  return {
    name: 'broadsheet:prune-assets',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => relative(root, join(entry.parentPath, entry.name)));
        const referenced = new Set<string>();
        // Read side by side: one after another, the 76 MB of feeds every build of 10,000 articles
        // writes took 0.26–0.5 s of it (0.07 s sixteen at a time).
        await eachAtOnce(
          files.filter((each) => textFile.test(each)),
          16,
          async (file) => {
            for (const name of assetReferences(await readFile(join(root, file)))) referenced.add(name);
          },
        );
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
