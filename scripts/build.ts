/**
 * npm run build [-- --outDir DIR] [--jobs N] [--force] [--verbose | --silent]: the production build,
 * which never publishes half a site. --jobs sets how many threads render Markdown (default: one per
 * core); --force renders every page again; --verbose and --silent go to Astro.
 *
 * 1. Checks the content (npm run lint:content) while Astro builds into a temporary folder beside
 *    the output folder; content errors stop the build there, before anything is published.
 * 2. Waits for Astro.
 * 3. Checks that every published article has exactly one page and one sitemap URL.
 * 4. Writes the search index, keeping the shards of it whose pages have not changed.
 * 5. Only then swaps the new site in; on any failure the previous output is left as it was.
 * 6. Prints when the next embargo lifts and writes the schedule beside (never into) the output.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  countProblems,
  formatSchedule,
  schedule,
  scheduleFile,
  sitemapArticleUrls,
} from '../src/lib/build-report.ts';
import { discardUnfinishedBuild } from '../src/lib/build-cache.ts';
import { buildClock, buildJobs, cacheDirFor, contentRoot } from '../src/lib/env.ts';
import { formatCompiler, lintContent } from '../src/lib/lint/index.ts';
import { buildSearchIndex } from '../src/lib/search-index.ts';

const usage = 'Usage: npm run build [-- --outDir DIR] [--jobs N] [--force] [--verbose | --silent]';
let options;
try {
  ({ values: options } = parseArgs({
    options: {
      outDir: { type: 'string', default: 'dist' },
      jobs: { type: 'string' },
      force: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      silent: { type: 'boolean', default: false },
    },
  }));
  if (options.jobs !== undefined) buildJobs({ BROADSHEET_JOBS: options.jobs });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const outDir = resolve(options.outDir);
// Astro's own flags, handed on to `astro build`.
const passThrough = (['force', 'verbose', 'silent'] as const)
  .filter((flag) => options[flag])
  .map((flag) => `--${flag}`);
const staging = join(dirname(outDir), `.${basename(outDir)}.staging`);
const now = buildClock();

const startedAt = Date.now();

function stop(message: string): never {
  rmSync(staging, { recursive: true, force: true });
  discardUnfinishedBuild(cacheDirFor(contentRoot()), startedAt);
  console.error(`\n✗ ${message}\n  Nothing was published: ${outDir} is unchanged.`);
  process.exit(1);
}

rmSync(staging, { recursive: true, force: true });
// Astro starts at once and the content check runs beside it, on the other core: at 10,000 articles
// the check takes most of a minute. Nothing is published until both have passed.
const astro = spawn(
  process.execPath,
  [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', staging, ...passThrough],
  {
    stdio: 'inherit',
    // A production build whatever the caller's environment: no preview of unpublished articles.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BROADSHEET_PREVIEW: '0',
      BROADSHEET_NOW: now.toISOString(),
      ...(options.jobs !== undefined && { BROADSHEET_JOBS: options.jobs }),
    },
  },
);
const astroExit = new Promise<number>((done) =>
  astro.on('close', (code) => {
    done(code ?? 1);
  }),
);

const lint = await lintContent(contentRoot(), now);
if (lint.errors > 0) {
  astro.kill();
  await astroExit;
  console.log(formatCompiler(lint));
  stop(
    `The content has ${lint.errors} error${lint.errors === 1 ? '' : 's'} (listed above); fix them and build again.`,
  );
}
const astroStatus = await astroExit;
if (lint.diagnostics.length > 0) console.log(formatCompiler(lint));
if (astroStatus !== 0) stop('Astro could not build the site (see the messages above).');

const articlesDir = join(staging, 'articles');
const pages = existsSync(articlesDir)
  ? readdirSync(articlesDir).filter((id) => existsSync(join(articlesDir, id, 'index.html'))).length
  : 0;
const sitemaps = readdirSync(staging).filter((file) => /^sitemap-\d+\.xml$/.test(file));
const sitemap = sitemaps.flatMap((file) =>
  sitemapArticleUrls(readFileSync(join(staging, file), 'utf8')),
).length;
const problems = countProblems({ published: lint.published, pages, sitemap });
if (problems.length > 0) stop(problems.join('\n'));

try {
  const searchStarted = Date.now();
  const search = await buildSearchIndex(staging, outDir);
  console.log(
    `Search index of ${search.pages} pages in ${((Date.now() - searchStarted) / 1000).toFixed(1)} s; shards indexed: ${search.indexed.join(' ') || 'none'}; kept: ${search.kept.join(' ') || 'none'}.`,
  );
} catch (error) {
  stop(`The search index could not be written: ${(error as Error).message}`);
}

const previous = `${staging}.previous`;
rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });

const report = schedule(lint.scheduled, now);
writeFileSync(scheduleFile(outDir), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\n✓ Published ${lint.published} articles to ${outDir}.\n${formatSchedule(report)}`);
