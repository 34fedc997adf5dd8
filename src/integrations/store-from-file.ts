import type { AstroIntegration } from 'astro';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { storeFromFile } from '../lib/store-module';

/**
 * Has Astro's content store module read the store from a file in `folder` (the build's Astro cache
 * folder) rather than carry it as a string literal (src/lib/store-module.ts): Vite bundled the
 * literal and V8 compiled it in every Astro build, seconds per build of a large archive. The dev
 * server writes a file of its own, since its store previews drafts and a build beside it must
 * never read that.
 */
export function storeModuleFromFile(folder: string): AstroIntegration {
  return {
    name: 'broadsheet:store-from-file',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const file = join(
          folder,
          command === 'dev' ? 'data-store-module.dev.json' : 'data-store-module.json',
        );
        updateConfig({ vite: { plugins: [storeReadFrom(folder, file)] } });
      },
    },
  };
}

/** The Vite plugin writing the store's text to `file` and giving the module that reads it. */
function storeReadFrom(folder: string, file: string): Plugin {
  return {
    name: 'broadsheet:store-from-file',
    // Only where pages are rendered: no page's browser code reads the store.
    applyToEnvironment: (environment) => environment.config.consumer === 'server',
    transform: {
      filter: { id: /^\0astro:data-layer-content$/ },
      handler(code) {
        const store = storeFromFile(code, file);
        if (store === undefined) return null;
        // Written whole under another name first: a module run beside this write reads the old text
        // or the new, never half of one.
        const partial = `${file}.${process.pid}.partial`;
        mkdirSync(folder, { recursive: true });
        writeFileSync(partial, store.text);
        renameSync(partial, file);
        return { code: store.module, map: { mappings: '' } };
      },
    },
  };
}
