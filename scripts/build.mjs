// The build's entry (`npm run build`), which runs scripts/build.ts. Node strips the types of the
// build's TypeScript modules at every start, before the build can start Astro: 0.36–0.41 s of every
// build to load them, 0.19–0.21 s with V8's compile cache (measured on 6 December 2026), which is
// turned on here, before they load, and keeps their stripped, compiled code between builds. This
// file is JavaScript because a TypeScript entry would load the type stripper whatever the cache holds.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

enableCompileCache(fileURLToPath(new URL('../node_modules/.astro/compile-cache-build/', import.meta.url)));
await import('./build.ts');
