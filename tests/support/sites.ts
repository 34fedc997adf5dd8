import { join, resolve } from 'node:path';
import { fixtureNow } from './fixture-site';
import { outputRoot } from './build-site';
import type { BuiltSite } from './build-site';

/** The synthetic fixture site (tests/support/fixture-site.ts), built by the global setup. */
export const fixtureSite: BuiltSite = {
  content: join(outputRoot, 'fixture/content'),
  dist: join(outputRoot, 'fixture/dist'),
  now: fixtureNow,
};

/** The real content/ folder with the seed article, built by the global setup. */
export const newsroomSite: BuiltSite = {
  content: resolve('content'),
  dist: join(outputRoot, 'content/dist'),
  now: '2026-01-15T12:00:00+08:00',
};
