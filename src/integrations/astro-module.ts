import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * One of Astro's own modules, by its path in the package, which exports no way to reach it: the
 * same module Astro runs, so that what is wrapped or called there is Astro's own.
 */
export async function astroModule(path: string): Promise<unknown> {
  const astro = createRequire(import.meta.url).resolve('astro/package.json');
  return import(new URL(path, pathToFileURL(astro)).href);
}
