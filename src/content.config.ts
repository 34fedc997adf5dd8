import { createRequire } from 'node:module';
import type * as Collections from './lib/collections.ts';
import { inDevServer } from './lib/dev-server.ts';

// Astro loads this file through Vite's module runner, which transformed every module it imported
// again at each build: `astro:content` alone brought in Astro's whole server runtime, 115 modules in
// all and most of a second of every build's start. Node loads the collections itself (most of
// their modules are loaded already, by astro.config.mjs), through a require() Vite leaves alone.
const require = createRequire(import.meta.url);
const { contentCollections } = require('./lib/collections.ts') as typeof Collections;

export const collections = contentCollections(inDevServer());
