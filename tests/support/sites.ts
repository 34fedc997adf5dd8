import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fixtureNow } from './fixture-site.ts';
import type { ManifestEntry } from './fixture-site.ts';
import { outputRoot } from './build-site.ts';
import type { BuiltSite } from './build-site.ts';
import { gatingEmbargo, seedNewsroom } from './special-sites.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The clock the global setup built content/ with: the moment the run started. */
    newsroomNow: string;
  }
}

/** The synthetic fixture site (tests/support/fixture-site.ts), built by the global setup. */
export const fixtureSite: BuiltSite = {
  content: join(outputRoot, 'fixture/content'),
  dist: join(outputRoot, 'fixture/dist'),
  now: fixtureNow,
};

/**
 * The newsroom's own content/, whatever its editors have committed, built as it would be published
 * at `now` (the run's start, which the global setup provides as `newsroomNow`). Only properties that
 * hold for any newsroom may be tested on it. The build reads a copy, so that it has a cache folder of
 * its own: `npm run check` and `npm run dev` use content/'s while the suite runs.
 */
export function newsroomSite(now: string): BuiltSite {
  return { content: join(outputRoot, 'newsroom/content'), dist: join(outputRoot, 'newsroom/dist'), now };
}

/**
 * The frozen copy of the seed newsroom, built on the day of its article's correction: the site whose
 * exact pages the seed-article and browser tests check.
 */
export const seedSite: BuiltSite = {
  content: resolve(seedNewsroom),
  dist: join(outputRoot, 'seed/dist'),
  now: '2026-11-27T12:00:00+08:00',
};

/** Where the global setup writes the fixture's manifest. */
export const fixtureManifestPath = join(outputRoot, 'fixture/manifest.json');

/** Every article the fixture site was written with, published or not. */
export function fixtureManifest(): ManifestEntry[] {
  return JSON.parse(readFileSync(fixtureManifestPath, 'utf8')) as ManifestEntry[];
}

/** The seed newsroom before its first article (writeEmptySite). */
export const emptySite: BuiltSite = {
  content: join(outputRoot, 'empty/content'),
  dist: join(outputRoot, 'empty/dist'),
  now: fixtureNow,
};

/** A tiny newsroom before and after an editor corrects one article (see writeEditPair). */
export const editPair = {
  before: {
    content: join(outputRoot, 'edit/before'),
    dist: join(outputRoot, 'edit/before-dist'),
    now: fixtureNow,
  },
  after: {
    content: join(outputRoot, 'edit/after'),
    dist: join(outputRoot, 'edit/after-dist'),
    now: fixtureNow,
  },
} satisfies Record<string, BuiltSite>;

const second = 1000;
const gatingContent = join(outputRoot, 'gating/content');
const shifted = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** The gating site built one second before and one second after its embargo lifts. */
export const gatingSites = {
  before: {
    content: gatingContent,
    dist: join(outputRoot, 'gating/before'),
    now: shifted(gatingEmbargo, -second),
  },
  after: {
    content: gatingContent,
    dist: join(outputRoot, 'gating/after'),
    now: shifted(gatingEmbargo, second),
  },
} satisfies Record<string, BuiltSite>;

/** The gating site (before its embargo) built again under other machine timezones. */
export const timezoneSites = {
  'America/Los_Angeles': { ...gatingSites.before, dist: join(outputRoot, 'gating/tz-los-angeles') },
  'Asia/Shanghai': { ...gatingSites.before, dist: join(outputRoot, 'gating/tz-shanghai') },
} satisfies Record<string, BuiltSite>;

/** The property-based random newsroom (tests/support/random-site.ts). */
export const randomSite: BuiltSite = {
  content: join(outputRoot, 'random/content'),
  dist: join(outputRoot, 'random/dist'),
  now: fixtureNow,
};

const eventFolder = (event: string) => join(outputRoot, 'incremental', event.replaceAll(' ', '-'));

/**
 * A smaller fixture newsroom built in full, then after each of a newsroom's events (site-events.ts)
 * built incrementally and in full again (tests/site/incremental.test.ts).
 */
export const incrementalSite = {
  now: fixtureNow,
  /** Chain `index` of the events (site-events.ts), each on its own copy of the site. */
  chain: (index: number) => ({
    content: join(outputRoot, `incremental/chain-${index}/content`),
    /** The output folder every build writes to: Astro's incremental cache holds only for the same one. */
    dist: join(outputRoot, `incremental/chain-${index}/dist`),
    /** A copy of the output before the chain's first event. */
    start: join(outputRoot, `incremental/chain-${index}/start`),
    /**
     * The later chains' incremental builds are partitioned (src/lib/partitions.ts): at most 10
     * articles a partition splits the fixture, whose articles span two years, in two.
     */
    partitionSize: index >= 1 ? 10 : undefined,
  }),
  /** A copy of the incremental build's output after `event`. */
  incremental: (event: string) => join(eventFolder(event), 'incremental'),
  /** A copy of the full build's output after `event`. */
  full: (event: string) => join(eventFolder(event), 'full'),
  /** The incremental build's log after `event`, which lists each page as rendered or restored. */
  log: (event: string) => join(eventFolder(event), 'incremental.log'),
};

/**
 * The small fixture newsroom built in partitions as a CI matrix builds them: `--plan` lists the
 * partitions, one machine builds the older one with `--partition`, another (with an empty cache)
 * builds the newest and merges it with `--partitions-from`; and once in full, to compare
 * (tests/site/partitions.test.ts).
 */
export const partitionedSite = {
  content: join(outputRoot, 'partitioned/content'),
  now: fixtureNow,
  /** At most 10 articles a partition splits the fixture, whose articles span two years, in two. */
  partitionSize: 10,
  /** The builds refused for an operator's mistake, as `{ args, status, output }[]`. */
  refusals: join(outputRoot, 'partitioned/refusals.json'),
  /** What `--plan` printed. */
  plan: join(outputRoot, 'partitioned/plan.txt'),
  /** Where the matrix's jobs leave their partitions, as the final job downloads them. */
  parts: join(outputRoot, 'partitioned/parts'),
  /** The merged site. */
  dist: join(outputRoot, 'partitioned/dist'),
  /** The log of the build that merged it (`--verbose`), on a machine of its own. */
  mergeLog: join(outputRoot, 'partitioned/merge.log'),
  /** The same content built in full. */
  full: join(outputRoot, 'partitioned/full'),
};

/**
 * The partitioned site's content with a story of 2023 and one of 2024 besides, built with a
 * partition a year on one machine, whose three older partitions build side by side (two at a time:
 * `--jobs 2`), and in full: the two must be the same, byte for byte.
 */
export const sideBySideSite = {
  content: join(outputRoot, 'side-by-side/content'),
  now: fixtureNow,
  /** A year a partition: upto-2023, 2024-2024, 2025-2025 and from-2026. */
  partitionSize: 1,
  /** The partitioned build's log (`--verbose`). */
  log: join(outputRoot, 'side-by-side/build.log'),
  dist: join(outputRoot, 'side-by-side/dist'),
  full: join(outputRoot, 'side-by-side/full'),
};

/**
 * The rename site (special-sites.ts, writeRenameSite) built into one output folder three times, as a
 * newsroom's deploys would be: `before`, then `after` an article's address changed and another was
 * taken down, then once more with the renamed article's `redirectFrom:` forgotten, which must be
 * refused and leave the output as `after` left it, and refused again once that output is deleted
 * (tests/site/redirects.test.ts).
 */
export const renameSite = {
  content: join(outputRoot, 'rename/content'),
  dist: join(outputRoot, 'rename/dist'),
  now: fixtureNow,
  /** A copy of the output after the `after` build. */
  after: join(outputRoot, 'rename/after'),
  /** A copy of the output after the first refused build. */
  kept: join(outputRoot, 'rename/kept'),
  /**
   * The refused builds' `{ status, output }`: `withOutput` beside the output `after` left,
   * `withRecordOnly` after that output was deleted, with only the record of its addresses beside.
   */
  refused: join(outputRoot, 'rename/refused.json'),
};
