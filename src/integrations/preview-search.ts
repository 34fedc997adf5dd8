import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { lastBuildIndex } from '../lib/preview-search.ts';

// Pagefind's files by extension; the WebAssembly type lets the browser compile it while loading.
const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/**
 * The dev server answers /pagefind/ from the last production build's search index, so search works
 * in the preview (src/lib/preview-search.ts). Only `astro dev` runs this hook; a build is untouched.
 */
export function previewSearch(): AstroIntegration {
  return {
    name: 'broadsheet:preview-search',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use('/pagefind', (request, response, next) => {
          // Looked up on each request: a build made while the server runs is searched at once.
          const index = lastBuildIndex(server.config.root);
          if (!index) {
            next();
            return;
          }
          // Normalized as an absolute path, so no "../" (even encoded) leads out of the index.
          const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname));
          readFile(join(index.dir, path)).then(
            (bytes) => {
              response.setHeader('Content-Type', types[extname(path)] ?? 'application/octet-stream');
              response.end(bytes);
            },
            () => {
              next();
            },
          );
        });
      },
    },
  };
}
