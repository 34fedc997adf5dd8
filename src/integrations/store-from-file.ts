import type { AstroIntegration } from 'astro';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { linkFile } from '../lib/links.ts';
import { storeModule } from '../lib/store-module.ts';

/** Astro's content store module, as Vite resolves it. */
const storeModuleId = /^\0astro:data-layer-content$/;

/**
 * Has Astro's content store module read the store Astro synced from a file when it runs, rather
 * than carry it as a string literal (src/lib/store-module.ts): that file is a link to the store as
 * it was when Vite asked for the module (Astro replaces its store file by renaming a new one over
 * it), made in `folder`, the build's Astro cache folder. Astro's own module read the whole store,
 * checked it, quoted it as a literal that Vite bundled and V8 compiled: at 100,000 articles
 * (94 MB), seconds of every Astro build before a page was rendered. The dev server, whose store
 * previews drafts, keeps its link apart, so that a build beside it never reads that.
 */
export function storeModuleFromFile(folder: string): AstroIntegration {
  return {
    name: 'broadsheet:store-from-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // Astro's chunked storage keeps the store in other files, which its own module reads.
        if (config.experimental.collectionStorage !== 'single-file') return;
        const dev = command === 'dev';
        // Where Astro keeps the store it syncs (getDataStoreFile in astro/dist/content/paths.js).
        const store = fileURLToPath(
          new URL('data-store.json', dev ? new URL('.astro/', config.root) : config.cacheDir),
        );
        const file = join(folder, dev ? 'data-store-module.dev.json' : 'data-store-module.json');
        updateConfig({ vite: { plugins: [storeReadFrom(store, file)] } });
      },
    },
  };
}

/** The Vite plugin giving the module that reads a link to `store` made at `file`. */
function storeReadFrom(store: string, file: string): Plugin {
  return {
    name: 'broadsheet:store-from-file',
    // Only where pages are rendered: no page's browser code reads the store.
    applyToEnvironment: (environment) => environment.config.consumer === 'server',
    load: {
      // Before Astro's own load of the module, which would read the whole store first.
      order: 'pre',
      filter: { id: storeModuleId },
      handler() {
        // No store yet: Astro's module is then an empty store.
        if (!existsSync(store)) return null;
        // Linked under another name first: a module run beside this reads the old store or the
        // new, never none. When the store is the one linked already (the sync changed nothing),
        // the rename does nothing and leaves that name, removed after it.
        const partial = `${file}.${process.pid}.partial`;
        rmSync(partial, { force: true });
        linkFile(store, partial);
        renameSync(partial, file);
        rmSync(partial, { force: true });
        return { code: storeModule(file), map: { mappings: '' } };
      },
    },
  };
}
