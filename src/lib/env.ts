import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { basename, isAbsolute, resolve } from 'node:path';
import { z } from 'astro/zod';
import { inDevServer } from './dev-server.ts';
import { parsePartition } from './partitions.ts';
import type { Partition } from './partitions.ts';

/**
 * The build's environment: where content comes from and what time it is.
 * Read once here so that no other module looks at process.env or the wall clock.
 */

/** Folder holding articles/, authors/, sections/, series/ (BROADSHEET_CONTENT, default ./content). */
export function contentRoot(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['BROADSHEET_CONTENT'] || 'content';
  return isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
}

/**
 * The build clock (BROADSHEET_NOW, an ISO date-time with offset), else the moment of the call.
 * Publish gating and every "now" in the output use it, so a pinned clock gives a reproducible build.
 */
export function buildClock(
  env: NodeJS.ProcessEnv = process.env,
  wallClock: () => Date = () => new Date(),
): Date {
  const pinned = env['BROADSHEET_NOW'];
  if (!pinned) return wallClock();
  // z.iso.datetime refuses impossible days (30 February) that Date would roll over.
  if (!z.iso.datetime({ offset: true }).safeParse(pinned).success) {
    throw new Error(
      `BROADSHEET_NOW="${pinned}" is not an ISO date-time with an offset: use e.g. 2025-03-04T12:00:00+08:00`,
    );
  }
  return new Date(pinned);
}

/**
 * Astro's cache folder for a content root. Each content root gets its own, so the test suite's
 * fixture sites never read the content store (or image cache) of another site; and so does each
 * project root building it, since the store names files from the project's root and the suite's
 * copies of the project share its node_modules.
 */
export function cacheDirFor(root: string, projectRoot: string = process.cwd()): string {
  const standard = resolve(projectRoot, 'content');
  const base = resolve(projectRoot, 'node_modules/.astro');
  if (root === standard) return base;
  const digest = createHash('sha256')
    .update(`${root}\0${resolve(projectRoot)}`)
    .digest('hex')
    .slice(0, 12);
  return resolve(base, 'sites', `${basename(root).replace(/[^a-zA-Z0-9]+/g, '-')}-${digest}`);
}

/**
 * Astro's cache folder for this Astro build: the content root's (`cacheDirFor`), or the one
 * scripts/build.ts gives an older partition built beside others (BROADSHEET_ASTRO_CACHE;
 * `partitionAstroCache`, src/lib/build-cache.ts). The rendered bodies are the content root's
 * whichever it is (`contentBodies`, src/lib/bodies.ts).
 */
export function astroCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['BROADSHEET_ASTRO_CACHE'] || cacheDirFor(contentRoot(env));
}

/**
 * Whether this build previews drafts and embargoed articles, marked as such, so editors can check
 * them: only in `npm run dev`, which is the dev server with BROADSHEET_PREVIEW=1 (set by the dev
 * script). It takes both: Vite reports DEV for a production build too when NODE_ENV is not
 * "production", and a BROADSHEET_PREVIEW=1 left in a shell must never publish a draft.
 * Outside Vite (the scripts) there is no dev server and so no preview (src/lib/dev-server.ts).
 */
export function previewsUnpublished(
  env: NodeJS.ProcessEnv = process.env,
  devServer: boolean = inDevServer(),
): boolean {
  return devServer && env['BROADSHEET_PREVIEW'] === '1';
}

/**
 * How many threads render Markdown in a build (BROADSHEET_JOBS, set by `npm run build -- --jobs N`):
 * by default one per core. 1 renders in Astro's own thread.
 */
export function buildJobs(
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): number {
  const asked = env['BROADSHEET_JOBS'];
  if (asked === undefined || asked === '') return cores;
  const jobs = Number(asked);
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new Error(
      `BROADSHEET_JOBS="${asked}" is not a number of threads: use a whole number from 1, e.g. 4`,
    );
  }
  return jobs;
}

/**
 * The part of the site this Astro build renders (BROADSHEET_PARTITION, set by scripts/build.ts for a
 * partitioned archive): by default the whole site.
 */
export function buildPartition(env: NodeJS.ProcessEnv = process.env): Partition {
  const name = env['BROADSHEET_PARTITION'];
  return name ? parsePartition(name) : {};
}

/**
 * Whether Astro keeps its own copies of the article and listing pages it renders (its incremental
 * build's cache, given each page's key) to restore them unchanged: only in a partition built on a
 * machine of its own (BROADSHEET_ASTRO_PAGE_CACHE, set by scripts/build.ts for `--partition`), whose
 * output has no record of its pages to keep them from. Every other build keeps them itself, from
 * the output it replaces; Astro's copies were written twice over by every full render (a cold
 * build, a change of code) and deleted one by one by the next build, which leaves them out: 5 s of
 * it at 10,000 articles.
 */
export function astroCachesPages(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['BROADSHEET_ASTRO_PAGE_CACHE'] === '1';
}

/**
 * Where the build wants the record of the site's pages (BROADSHEET_SITE_PAGES, set by
 * scripts/build.ts; src/lib/site-pages.ts), which the sitemap reads; none outside a build.
 */
export function sitePagesFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['BROADSHEET_SITE_PAGES'] || undefined;
}

/**
 * A record of the site's pages whose keys this build takes for the years whose inputs are the same
 * (BROADSHEET_KEYS_FROM, set by scripts/build.ts; src/lib/year-inputs.ts): the last build's, for the
 * newest partition or the whole site; the one the newest partition has just written, for an older
 * partition built after it. None when every key is to be worked out again.
 */
export function keysRecordFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['BROADSHEET_KEYS_FROM'] || undefined;
}

/**
 * The digest of the site's code (BROADSHEET_CODE, set by scripts/build.ts: `codeDigest`), part of
 * every year's inputs, so that no key made by other code is taken; none outside a build.
 */
export function buildCode(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['BROADSHEET_CODE'] || undefined;
}

/**
 * Where the build wants the facts the content sync's renderer finds of the bodies it renders
 * (BROADSHEET_BODY_FACTS, set by scripts/build.ts when its content check runs after the sync;
 * src/lib/lint/body-facts.ts); none otherwise, and nothing is kept of them.
 */
export function renderedFactsFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['BROADSHEET_BODY_FACTS'] || undefined;
}

/**
 * The record of the output this build replaces (BROADSHEET_BUILT_PAGES, set by scripts/build.ts when
 * that output was built with the same code; src/lib/site-pages.ts, `BuiltPages`): the pages whose
 * key it records are not rendered, but linked from that output. None: every page is rendered.
 */
export function replacedPagesFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['BROADSHEET_BUILT_PAGES'] || undefined;
}

/**
 * The file a GitHub Actions step writes its outputs to (`GITHUB_OUTPUT`), or undefined outside
 * GitHub Actions. https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
export function githubOutput(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['GITHUB_OUTPUT'] || undefined;
}
