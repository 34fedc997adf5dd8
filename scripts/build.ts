/**
 * npm run build [-- --outDir DIR] [--jobs N] [--force] [--verbose]: the production build, which
 * never publishes half a site. --jobs sets how many threads render Markdown (default: one per core);
 * --force renders every page again; --verbose shows Astro's whole log, a line per page and per image
 * (the log otherwise shows Astro's warnings and errors and one line counting its pages and images;
 * DEBUG=astro:* turns on Astro's debug output).
 *
 * 1. Checks the content (npm run lint:content) while Astro builds into a temporary folder beside
 *    the output folder; content errors stop the build there, before anything is published.
 * 2. Waits for Astro.
 * 3. Checks that every published article has exactly one page and one sitemap URL.
 * 4. Writes the search index, keeping the shards of it whose pages have not changed.
 * 5. Only then swaps the new site in; on any failure the previous output is left as it was.
 * 6. Ends with the content check's summary by file, what was published and held back, when each
 *    embargo lifts, and writes the schedule beside (never into) the output.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { formatAstroSummary, readAstroLine } from '../src/lib/astro-log.ts';
import type { AstroLine } from '../src/lib/astro-log.ts';
import {
  countProblems,
  formatPublished,
  formatSchedule,
  formatSearchIndex,
  schedule,
  scheduleFile,
  sitemapArticleUrls,
} from '../src/lib/build-report.ts';
import { discardUnfinishedBuild } from '../src/lib/build-cache.ts';
import { buildClock, buildJobs, cacheDirFor, contentRoot } from '../src/lib/env.ts';
import { formatCompiler, lintContent } from '../src/lib/lint/index.ts';
import { counted } from '../src/lib/plural.ts';
import { buildSearchIndex } from '../src/lib/search-index.ts';
import { site } from '../src/site.config.ts';

const usage = 'Usage: npm run build [-- --outDir DIR] [--jobs N] [--force] [--verbose]';
let options;
try {
  ({ values: options } = parseArgs({
    options: {
      outDir: { type: 'string', default: 'dist' },
      jobs: { type: 'string' },
      force: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  }));
  if (options.jobs !== undefined) buildJobs({ BROADSHEET_JOBS: options.jobs });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const outDir = resolve(options.outDir);
/** A folder as messages name it: `dist/` inside the project, else its whole path. */
function shown(folder: string): string {
  const inside = relative(process.cwd(), folder);
  return inside.startsWith('..') || isAbsolute(inside) ? folder : `${inside}/`;
}
const staging = join(dirname(outDir), `.${basename(outDir)}.staging`);
const now = buildClock();

const startedAt = Date.now();

function stop(message: string): never {
  rmSync(staging, { recursive: true, force: true });
  discardUnfinishedBuild(cacheDirFor(contentRoot()), startedAt);
  console.error(`\n✗ ${message}\n  Nothing was published: ${shown(outDir)} is unchanged.`);
  process.exit(1);
}

rmSync(staging, { recursive: true, force: true });
console.log(`Checking ${shown(contentRoot())} and building the site for ${shown(outDir)} …`);
// Astro starts at once and the content check runs beside it, on the other core: at 10,000 articles
// the check takes most of a minute. Nothing is published until both have passed.
const astro = spawn(
  process.execPath,
  [
    resolve('node_modules/astro/bin/astro.mjs'),
    'build',
    '--outDir',
    staging,
    ...(options.force ? ['--force'] : []),
  ],
  {
    // Astro's errors (on stderr) reach the terminal as they are; its log (stdout) is read below.
    stdio: ['inherit', 'pipe', 'inherit'],
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
const astroLog: AstroLine[] = [];
createInterface({ input: astro.stdout, crlfDelay: Infinity }).on('line', (line) => {
  const read = readAstroLine(line);
  astroLog.push(read);
  if (options.verbose || read.kind === 'message') console.log(line);
});

const lint = await lintContent(contentRoot(), now);
if (lint.errors > 0) {
  astro.kill();
  await astroExit;
  console.log(formatCompiler(lint));
  stop(`The content has ${counted(lint.errors, 'error')} (listed above); fix them and build again.`);
}
if ((await astroExit) !== 0) {
  console.log(formatCompiler(lint));
  stop('Astro could not build the site (see the messages above).');
}

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

console.log(formatAstroSummary(astroLog, Date.now() - startedAt));
try {
  const searchStarted = Date.now();
  const search = await buildSearchIndex(staging, outDir);
  console.log(formatSearchIndex(search, Date.now() - searchStarted));
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
const embargoes = formatSchedule(report, site.timezone);
console.log(`\n${formatCompiler(lint)}\n`);
console.log(`✓ ${formatPublished({ ...lint, to: shown(outDir) }, report, site.timezone)}`);
if (embargoes) console.log(embargoes);
