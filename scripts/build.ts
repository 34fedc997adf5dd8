/**
 * npm run build [-- --outDir DIR] [--jobs N] [--force] [--verbose] [--partition-size N]: the production build, which
 * never publishes half a site. --jobs sets how many threads render Markdown (default: one per core)
 * and, up to two, index the search; --force renders every page and reads every photo again;
 * --verbose shows Astro's whole log, a line per page and per image (the log otherwise shows Astro's
 * warnings and errors and one line counting its pages and images; DEBUG=astro:* turns on Astro's
 * debug output).
 *
 * 1. Checks the content (npm run lint:content) while Astro builds into a temporary folder beside
 *    the output folder; content errors stop the build there, before anything is published.
 *    An archive of more than --partition-size articles (default 25,000) is built as several Astro
 *    builds, a run of years each, beside the check, whose outputs are merged (src/lib/partitions.ts);
 *    the articles' dates divide it. The newest builds first, started at once as the last build
 *    planned it (and again should the dates say otherwise), and records every page's cache key; the
 *    older ones that changed then build side by side; an older partition whose pages' keys and code are
 *    those of its last build is not built, its kept output is taken (src/lib/site-pages.ts).
 *    Astro is not asked for the article and listing pages whose key is the one recorded beside the
 *    output being replaced (dist.pages.json, written after each build): they are hard-linked from
 *    it, with their images, once Astro is done.
 *    On several machines (a CI matrix): --plan prints the partitions other than the newest as JSON
 *    (and to GITHUB_OUTPUT), reading only the articles' dates; --partition NAME builds one of them into --outDir; --partitions-from DIR
 *    builds the newest and merges those found in DIR/<name> (moving their files).
 * 2. Waits for Astro.
 * 3. Checks that every published article has exactly one page and one sitemap URL.
 * 4. Writes the search index, keeping the shards of it whose pages have not changed.
 * 5. Writes a page at each old address (redirectFrom) and removed story (content/removed.yaml), and
 *    dist/_redirects; stops if an address the previous output answered for would vanish (read from
 *    it and from the record beside it, dist.addresses.json, written after each swap).
 * 6. Only then swaps the new site in; on any failure the previous output is left as it was. The
 *    replaced output waits beside it (.dist.previous): the next build assembles its own in
 *    it, where most kept pages are already linked, rather than in an empty folder. One it could
 *    not use (.dist.discarded) is deleted by the build after, beside its Astro build. A build that
 *    rendered every page deletes the output it replaced and leaves a copy of its own in links there.
 * 7. Ends with the content check's summary by file, what was published and held back, when each
 *    embargo lifts, and writes the schedule beside (never into) the output.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { totalmem } from 'node:os';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
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
import { countArticleFiles, publishedYears } from '../src/lib/article-files.ts';
import {
  builtPages,
  builtPagesFile,
  codeDigest,
  discardedOutput,
  discardUnfinishedBuild,
  keepPartitionOutput,
  keepUnchangedPages,
  lastNewestPartition,
  leaveLinkCopy,
  partitionAstroCache,
  previousBuild,
  recordNewestPartition,
  recordedWithCode,
  replacedOutput,
  stagingFolder,
  keptOutput,
} from '../src/lib/build-cache.ts';
import type { KeptOutput } from '../src/lib/build-cache.ts';
import { digest } from '../src/lib/cache-keys.ts';
import { surveyedIn } from '../src/lib/links.ts';
import type { FileId } from '../src/lib/links.ts';
import { surveyOnThread } from '../src/lib/survey-thread.ts';
import { buildClock, buildJobs, cacheDirFor, contentRoot, githubOutput } from '../src/lib/env.ts';
import { counted } from '../src/lib/plural.ts';
import { yieldProcessor } from '../src/lib/priority.ts';
import { photoRecordFile } from '../src/lib/content-photos.ts';
import { mergeOutput } from '../src/lib/merge-output.ts';
import {
  isNewest,
  parsePartition,
  partitionName,
  partitionSize,
  planPartitions,
} from '../src/lib/partitions.ts';
import type { Partition } from '../src/lib/partitions.ts';
import {
  previousAddresses,
  recordAddresses,
  siteAddresses,
  writeRedirects,
} from '../src/lib/redirect-output.ts';
import { formatVanished, planRedirects, vanishedUrls } from '../src/lib/redirects.ts';
import {
  buildSearchIndex,
  builtArticlePages,
  earlyBundlesFolder,
  indexWhileWritten,
  setAsideSearchFolder,
} from '../src/lib/search-index.ts';
import type { EarlyIndex } from '../src/lib/search-index.ts';
import { searchIndexFolder } from '../src/lib/search-shards.ts';
import type { SearchPage } from '../src/lib/search-shards.ts';
import { colourTokens } from '../src/lib/palette.ts';
import { pageFile, pagesOf, partitionDigest, readSitePages, writeBuiltPages } from '../src/lib/site-pages.ts';
import type { SitePages } from '../src/lib/site-pages.ts';
import { site } from '../src/site.config.ts';

const usage =
  'Usage: npm run build [-- --outDir DIR] [--jobs N] [--force] [--verbose] [--partition-size N] [--plan | --partition NAME | --partitions-from DIR]';
/** The command line, or a message saying what is wrong with it. */
function readOptions() {
  const { values } = parseArgs({
    options: {
      outDir: { type: 'string', default: 'dist' },
      jobs: { type: 'string' },
      force: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'partition-size': { type: 'string', default: String(partitionSize) },
      plan: { type: 'boolean', default: false },
      partition: { type: 'string' },
      'partitions-from': { type: 'string' },
    },
  });
  // Astro reads --jobs as BROADSHEET_JOBS (below); the search index is given the same number.
  const threads = buildJobs(values.jobs === undefined ? process.env : { BROADSHEET_JOBS: values.jobs });
  const size = Number(values['partition-size']);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(
      `--partition-size ${values['partition-size']} is not a number of articles: use e.g. 25000`,
    );
  }
  return { ...values, threads, partitionSize: size, partitionsFrom: values['partitions-from'] };
}
let options: ReturnType<typeof readOptions>;
try {
  options = readOptions();
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
const staging = stagingFolder(outDir);
const replaced = replacedOutput(outDir);
const discarded = discardedOutput(outDir);
// The output the last build set aside is deleted beside the build; it is waited for at the swap.
const clearing = rm(discarded, { recursive: true, force: true }).catch(() => undefined);
// And the search shards it set aside (buildSearchIndex), waited for before the search index.
const clearingShards = rm(setAsideSearchFolder(outDir), { recursive: true, force: true }).catch(
  () => undefined,
);
const now = buildClock();

const startedAt = Date.now();

/**
 * Astro's reports of content problems (`content problem` in `readAstroLine`), held until the content check is done:
 * it reports the same mistakes with the file, the line and what to do, so they are shown only when
 * it found no error (or could not run). Until then `contentChecked` is undefined.
 */
const heldReports: string[] = [];
let contentChecked: boolean | undefined;
function showHeldReports(show: boolean): void {
  contentChecked = show;
  if (show) for (const line of heldReports.splice(0)) console.log(line);
}
/** Holds `line` if it is Astro's report of a content problem that the check has not yet reported. */
function heldForTheCheck(line: string, read: AstroLine[]): boolean {
  if (options.verbose || contentChecked === true || !read.some((said) => said.kind === 'content problem'))
    return false;
  heldReports.push(line);
  return true;
}

/** One Astro build under way, and how to stop it. */
interface AstroBuild {
  exit: Promise<number>;
  /** Astro's content sync is done (or Astro has ended): every new body is rendered. */
  synced: Promise<void>;
  stop: () => void;
}
/** The Astro builds under way, which a content error (or another's failure) stops. */
const running = new Set<AstroBuild>();
/** The Astro cache folders this build's Astro builds wrote to. */
const astroCaches = new Set([cacheDirFor(contentRoot())]);

/**
 * The search index held by the output the last build replaced, once this build made it its own
 * (keepUnchangedPages assembles the new output there).
 */
let replacedIndex: ReadonlyMap<string, FileId> | undefined;

function stop(message: string): never {
  for (const build of running) build.stop();
  // An output assembled in the one the last build replaced (keepUnchangedPages) goes back there for
  // the next build, which makes a folder in any state its own (holdLinks): deleting its 100,000
  // pages made a refusal at the end of a publish wait 22 s, and the next build link every one again.
  if (replacedIndex !== undefined && existsSync(staging) && !existsSync(replaced))
    renameSync(staging, replaced);
  else rmSync(staging, { recursive: true, force: true });
  rmSync(`${staging}.partitions`, { recursive: true, force: true });
  rmSync(earlyBundlesFolder(outDir), { recursive: true, force: true });
  for (const folder of astroCaches) discardUnfinishedBuild(folder, startedAt);
  console.error(`\n✗ ${message}\n  Nothing was published: ${shown(outDir)} is unchanged.`);
  process.exit(1);
}

rmSync(staging, { recursive: true, force: true });
console.log(`Checking ${shown(contentRoot())} and building the site for ${shown(outDir)} …`);
const astroLog: AstroLine[] = [];
const cacheDir = cacheDirFor(contentRoot());
const sitePagesRecord = join(cacheDir, 'site-pages.json');
const previousSitePagesRecord = join(cacheDir, 'site-pages.previous.json');
/**
 * The facts of the bodies the content sync renders (src/lib/lint/body-facts.ts), for the content
 * check when it runs after the sync, which then parses only the bodies nobody rendered.
 */
const renderedFacts = join(cacheDir, 'rendered-facts.v8');
const code = codeDigest(process.cwd());
/** The record of the site's pages, which the newest partition's (or the whole site's) build writes. */
let current: SitePages | undefined;

/**
 * Runs one Astro build into `into`, with Astro's cache in `astroCache`: the whole site, or one
 * partition of it; one that `keeps` leaves out the pages the record beside the output has as they are.
 */
function buildWithAstro(partition: Partition, into: string, astroCache: string, keeps: boolean): AstroBuild {
  // The newest partition (or the whole site) records the site's pages, for its sitemap and for
  // the partitions that need not be built again (src/lib/site-pages.ts).
  const records = isNewest(partition);
  if (records) {
    rmSync(renderedFacts, { force: true });
    // The last build's record stays beside the new one: the keys of the years whose inputs are
    // unchanged are taken from it (src/lib/year-inputs.ts), not worked out again for every page.
    if (existsSync(sitePagesRecord)) renameSync(sitePagesRecord, previousSitePagesRecord);
  }
  // Every photo read again, as Astro's own import reads it (src/integrations/content-photos.ts), by
  // the build in the content root's cache: an older partition building after it on this machine
  // takes the record that build has just written (`partitionAstroCache`), where each read every photo
  // again (40–48 s of each one's bundle at 100,000 articles). One built alone reads them itself.
  if (options.force && (astroCache === cacheDir || options.partition !== undefined))
    rmSync(photoRecordFile(astroCache), { force: true });
  const astro = spawn(
    process.execPath,
    [
      resolve('node_modules/astro/bin/astro.mjs'),
      'build',
      '--outDir',
      into,
      ...(options.force ? ['--force'] : []),
    ],
    {
      // Its log (stdout) and its errors (stderr) are read below, line by line.
      stdio: ['inherit', 'pipe', 'pipe'],
      // A production build whatever the caller's environment: no preview of unpublished articles.
      env: {
        ...process.env,
        NODE_ENV: 'production',
        // V8's compiled code of Astro, Vite and the rest of node_modules, kept between builds: Astro
        // started about 0.7 s sooner at each build (of the 6 s before it reads the content).
        NODE_COMPILE_CACHE: process.env['NODE_COMPILE_CACHE'] ?? join(astroCache, 'compile-cache'),
        // A newsroom's build tells nobody about itself: Astro's telemetry ran git and opened a
        // connection at each build's start, and an error's exit waited for its report.
        ASTRO_TELEMETRY_DISABLED: '1',
        ...(astroCache !== cacheDir && { BROADSHEET_ASTRO_CACHE: astroCache }),
        BROADSHEET_PREVIEW: '0',
        BROADSHEET_NOW: now.toISOString(),
        BROADSHEET_PARTITION: partitionName(partition),
        ...(records && { BROADSHEET_SITE_PAGES: sitePagesRecord }),
        // The keys of the years whose inputs are those of a record (src/lib/year-inputs.ts): the last
        // build's for the newest partition, the one it has just written for an older partition.
        // --force works out every key again, trusting nothing the cache holds.
        BROADSHEET_CODE: code,
        ...(!options.force && { BROADSHEET_KEYS_FROM: records ? previousSitePagesRecord : sitePagesRecord }),
        // Read by the content check when it runs after the sync: when every page is rendered.
        ...(records && !keeps && { BROADSHEET_BODY_FACTS: renderedFacts }),
        ...(keeps && { BROADSHEET_BUILT_PAGES: builtPagesFile(outDir) }),
        ...(options.partition !== undefined && { BROADSHEET_ASTRO_PAGE_CACHE: '1' }),
        ...(options.jobs !== undefined && { BROADSHEET_JOBS: options.jobs }),
      },
    },
  );
  // The build's own work beside Astro (the content check, most of 10 s of a core at 100,000
  // articles, and the reading of the last build's records) yields the processor to the Astro build
  // it waits for: a publish at 100,000 articles took 1.5–2 s longer without. Astro builds started
  // after this one (the older partitions) inherit the lower priority, which changes nothing between
  // them and the build's own work.
  yieldProcessor(10);
  let sync: () => void = () => undefined;
  const synced = new Promise<void>((done) => (sync = done));
  createInterface({ input: astro.stdout, crlfDelay: Infinity }).on('line', (line) => {
    const read = readAstroLine(line);
    astroLog.push(...read);
    if (read.some((said) => said.kind === 'synced')) sync();
    if (heldForTheCheck(line, read)) return;
    if (options.verbose || read.some((said) => said.kind === 'message')) console.log(line);
  });
  // Its errors as they are, but for the content problems the content check reports itself.
  createInterface({ input: astro.stderr, crlfDelay: Infinity }).on('line', (line) => {
    if (!heldForTheCheck(line, readAstroLine(line))) console.error(line);
  });
  const exit = new Promise<number>((done) =>
    astro.on('close', (code) => {
      sync();
      running.delete(build);
      done(code ?? 1);
    }),
  );
  const build = { exit, synced, stop: () => astro.kill() };
  running.add(build);
  return build;
}

const parts = `${staging}.partitions`;
rmSync(parts, { recursive: true, force: true });
// An archive of up to --partition-size article files is one Astro build, which starts at once while
// the content check runs beside it, on the other core: at 10,000 articles the check takes most of a
// minute. A larger one is divided by the years of its articles (read from their date lines alone),
// then built beside the check, the newest partition first and the others side by side
// (src/lib/partitions.ts). Nothing is published until the check and every build have passed.
const machines = options.plan || options.partition !== undefined || options.partitionsFrom !== undefined;
/** Whether this build builds the newest partition (or the whole site), as all but --plan and --partition do. */
const buildsNewest = !options.plan && options.partition === undefined;
// It starts at once, as the last build planned it (lastNewestPartition), told of the record beside
// the output when a build of this code wrote it (recordedWithCode): what settles both, reading every
// article's date (6–7 s at 100,000 articles) and looking for every page the record names (2.5 s),
// runs beside Astro's start, which starts again when either says otherwise.
const guessed = buildsNewest ? lastNewestPartition(cacheDir, options.partitionSize) : undefined;
const told = !options.force && recordedWithCode(outDir, code);
/** The build of the whole site or of the newest partition, started before the content check. */
let started = guessed && buildWithAstro(guessed, staging, cacheDir, told);
// The pages of the output this build replaces, when it was built with the same code: those whose
// key is unchanged are linked from it instead of rendered (docs/architecture.md, "Scale: pages that
// did not change"). --force renders every page.
const previous = options.force ? undefined : previousBuild(outDir, code);
// The output the last build replaced, in which this one assembles its own (keepUnchangedPages): what
// it holds is surveyed while Astro builds, since nothing writes to it until then. Not when every
// page is rendered (--force, a change of code), where it would only take a core from the render;
// and the output that build replaces then shares no file with its own, so the next would unlink
// and link again every page there (60 s of the first publish at 100,000 articles after a change of
// code): that folder is deleted while Astro builds, and after the swap (below) the output this
// build replaced, with a copy of its own in links left in their place.
const replacedSurvey = machines || previous === undefined ? undefined : surveyOnThread(replaced);
replacedSurvey?.catch(() => undefined);
const clearingReplaced =
  previous === undefined ? rm(replaced, { recursive: true, force: true }).catch(() => undefined) : undefined;
// And the search index of the output it replaces, whose shards that did not change it links.
const publishedIndexSurvey =
  buildsNewest && previous !== undefined ? surveyOnThread(join(outDir, searchIndexFolder)) : undefined;
publishedIndexSurvey?.catch(() => undefined);
const whole = !machines && countArticleFiles(join(contentRoot(), 'articles')) <= options.partitionSize;
started ??= whole ? buildWithAstro({}, staging, cacheDir, previous !== undefined) : undefined;
// Loaded once Astro has started: the content check's code (unified, retext, the schemas) takes most
// of a second to load, which Astro, the longer of the two, need not wait for.
// A larger archive is divided by the years of its published articles, read from their date lines
// alone (publishedYears): the content check's full reading of 100,000 articles took 45 s. Those of
// a file that looks as it did at the last build are taken from the record it left.
const plan = whole
  ? [{}]
  : planPartitions(
      publishedYears(
        join(contentRoot(), 'articles'),
        now,
        site.timezone,
        join(cacheDir, 'article-dates.json'),
      ),
      options.partitionSize,
    );
/** The partitions other machines can build (all but the newest, which merges them). */
const apart = plan.filter((partition) => !isNewest(partition)).map(partitionName);
if (buildsNewest) recordNewestPartition(cacheDir, options.partitionSize, plan.at(-1)!);
if (guessed && started) {
  const newest = partitionName(plan.at(-1)!);
  const gone = told && previous === undefined;
  if (partitionName(guessed) === newest && !gone) {
    if (plan.length > 1) announcePartition(plan.at(-1)!, `1 of ${plan.length}`);
  } else {
    // The newest partition split, or a page the record names is gone from the output (so every
    // page is rendered): the build starts again, from a cache and a folder with nothing half written.
    console.log(
      gone
        ? `A page recorded beside ${shown(outDir)} is missing from it: every page is rendered again.`
        : `The newest partition is now ${newest}, not ${partitionName(guessed)} as at the last build.`,
    );
    started.stop();
    await started.exit;
    discardUnfinishedBuild(cacheDir, startedAt);
    rmSync(staging, { recursive: true, force: true });
    started = undefined;
  }
}

if (options.plan) {
  const names = JSON.stringify(apart);
  console.log(names);
  const output = githubOutput();
  if (output) appendFileSync(output, `partitions=${names}\n`);
  process.exit(0);
}

function announcePartition(partition: Partition, step: string): void {
  console.log(`Building partition ${partitionName(partition)} (${step}) …`);
}

/**
 * Starts Astro on `partition` into `into`. An older partition has an Astro cache folder of its own
 * (`partitionAstroCache`), so that several build at once; the newest (or the whole site) uses the
 * content root's.
 */
function startPartition(partition: Partition, step: string, into: string): AstroBuild {
  const keeps = previous !== undefined;
  if (plan.length === 1) return buildWithAstro(partition, into, cacheDir, keeps);
  announcePartition(partition, step);
  const astroCache = isNewest(partition) ? cacheDir : partitionAstroCache(cacheDir, partitionName(partition));
  astroCaches.add(astroCache);
  return buildWithAstro(partition, into, astroCache, keeps);
}

// The newest partition first: it records every page's key (src/lib/site-pages.ts), by which an
// older partition whose pages and code are as they were at its last build is not built again. It
// starts before the content check reads every article, as a whole site's build does.
const newest = plan.at(-1)!;
if (options.partition === undefined) started ??= startPartition(newest, `1 of ${plan.length}`, staging);

/**
 * The search index's shards, indexed while Astro writes a whole site's pages (`indexWhileWritten`),
 * from the record of the site's pages, which it writes before the first. Not in a partitioned
 * build, whose pages come from several Astro builds, nor with one thread, which Astro needs.
 */
function searchWhileAstroBuilds(build: AstroBuild): () => EarlyIndex | undefined {
  let index: EarlyIndex | undefined;
  const start = (record: SitePages) => {
    const pages = new Map<string, SearchPage>();
    const renders = new Set<string>();
    for (const { path, key, search, month } of record.pages) {
      if (search === undefined) continue;
      pages.set(pageFile(path), { digest: digest(code, search), month });
      if (previous?.pages[path]?.key !== key) renders.add(pageFile(path));
    }
    return indexWhileWritten(staging, outDir, pages, (page) => renders.has(page));
  };
  const timer = setInterval(() => {
    index ??= existsSync(sitePagesRecord) ? start(readSitePages(sitePagesRecord)) : undefined;
    index?.poll();
  }, 200);
  void build.exit.then(() => {
    clearInterval(timer);
  });
  return () => index;
}
const early =
  plan.length === 1 && buildsNewest && started && options.threads > 1
    ? searchWhileAstroBuilds(started)
    : undefined;

// The content check runs beside Astro; an error stops the Astro build under way. When every page is
// rendered (no record of the last build: a first build, --force, a change of code) it starts once
// Astro's content sync is done: that sync renders every body on every core, and a check beside it
// took a core from it (at 10,000 articles the sync took 35-41 s with the check beside it, 27-29 s
// without), where Astro's page rendering, on one thread, leaves the check a core. Otherwise it starts
// at once: beside Astro's start, which waits on the disk more than it computes, a publish was 0.5 s
// sooner than with the check beside Astro's bundling. Should Astro never say its sync is done, the
// check runs once Astro has ended. After the sync, the check takes what the content rules need of
// each body the sync rendered from the facts its renderer found in the tree it parsed
// (src/lib/lint/body-facts.ts), and parses only the others: with no lint cache, parsing every body
// again was most of the check, about 90 CPU-seconds at 100,000 articles.
const { indexContent } = await import('../src/lib/lint/content-index.ts');
const { formatCompiler, lintContent } = await import('../src/lib/lint/index.ts');
const { readRenderedFacts } = await import('../src/lib/lint/body-facts.ts');
const index = await indexContent(contentRoot(), now);
if (previous === undefined) await started?.synced;
const rendered = previous === undefined ? readRenderedFacts(renderedFacts) : undefined;
rmSync(renderedFacts, { force: true });
let refused = false;
const checked = lintContent(contentRoot(), now, process.cwd(), index, rendered).then(
  (lint) => {
    refused = lint.errors > 0;
    if (refused) for (const build of running) build.stop();
    showHeldReports(!refused);
    if (options.verbose) {
      const { checkedFiles, renderedBodies, articles } = lint;
      console.log(
        `Content check: ${checkedFiles} articles checked, ${renderedBodies} of them on what the renderer found in their bodies; ${articles.length - checkedFiles} as the last check left them.`,
      );
    }
    return lint;
  },
  (error: unknown) => {
    showHeldReports(true);
    throw error;
  },
);
// Awaited below, once Astro is done; a check that throws must not end the process before that.
checked.catch(() => undefined);

/** Stops the build for the content check's errors, once it has finished, if it found any. */
async function stopForContentErrors(): Promise<void> {
  const lint = await checked;
  if (lint.errors === 0) return;
  await Promise.all([...running].map((build) => build.exit));
  console.log(formatCompiler(lint));
  stop(`The content has ${counted(lint.errors, 'error')} (listed above); fix them and build again.`);
}

/**
 * Builds `partition` into `into` with Astro (the build already started, if there is one); the pages
 * it left out are linked in after (`keepPages`).
 */
async function buildPartitionHere(partition: Partition, step: string, into = staging): Promise<void> {
  const build = started ?? startPartition(partition, step, into);
  started = undefined;
  const exit = await build.exit;
  if (refused || exit !== 0) {
    // The partitions building beside it are stopped too, then the check's messages are shown.
    for (const other of running) other.stop();
    await stopForContentErrors();
    console.log(formatCompiler(await checked));
    stop('Astro could not build the site (see the messages above).');
  }
  // The older partitions whose pages and code are as they were at their last build are known once
  // the newest has recorded every page's key; their outputs are linked in with its kept pages.
  if (isNewest(partition)) {
    current = readSitePages(sitePagesRecord);
    takeOlder(current);
  }
}

/** Links into `into` the pages `partition`'s Astro build left out, and the older partitions kept. */
async function keepPages(partition: Partition, into: string): Promise<void> {
  const taken = isNewest(partition) ? [...keptOlder.values()] : [];
  if ((previous || taken.length > 0) && current) {
    if (options.verbose) console.log(`Keeping the pages that did not change from ${shown(outDir)} …`);
    // The whole site, or the newest partition with the older ones kept, is assembled in the output
    // the last build replaced, which holds most of the kept pages already; an older partition's
    // share of it in an empty folder.
    try {
      const reused =
        isNewest(partition) && replacedSurvey
          ? { folder: replaced, surveyed: await replacedSurvey }
          : undefined;
      // Kept as it was surveyed: keepUnchangedPages leaves the search index to buildSearchIndex.
      if (reused && existsSync(replaced)) replacedIndex = surveyedIn(reused.surveyed, searchIndexFolder);
      const kept = keepUnchangedPages(outDir, into, previous, current, partition, reused, taken);
      for (const file of kept) astroLog.push({ kind: 'page', path: `/${file}`, restored: true });
      // In one write: a line at a time, the 13,765 kept pages of an edit at 10,000 articles took
      // 0.15–0.2 s to write to the pipe the bench reads.
      if (options.verbose && kept.length > 0)
        console.log(kept.map((file) => `  ├─ /${file} (kept)`).join('\n'));
    } catch (error) {
      stop(`The partitions of the build could not be merged: ${(error as Error).message}`);
    }
  }
}

/** The older partitions' keys: of their pages' keys and the code; none for a partition of no page. */
function olderKey(record: SitePages, partition: Partition): string | undefined {
  const pagesDigest = partitionDigest(record, partition);
  return pagesDigest && digest(code, pagesDigest);
}

/** The older partitions that need not be built, by name, with their kept outputs. */
const keptOlder = new Map<string, KeptOutput>();
/** Finds the older partitions kept as they were at their last build (none with --force or --partitions-from). */
function takeOlder(record: SitePages): void {
  if (options.force || options.partitionsFrom !== undefined) return;
  for (const partition of plan.slice(0, -1)) {
    const key = olderKey(record, partition);
    const kept = key && keptOutput(cacheDir, partitionName(partition), key);
    if (kept) keptOlder.set(partitionName(partition), kept);
  }
}

if (options.partition !== undefined) {
  // One partition for another machine to merge: its output as Astro wrote it, unchecked.
  if (!apart.includes(options.partition)) {
    stop(
      `There is no partition ${options.partition} to build on its own: the archive's are ${apart.join(', ') || 'none (it is built whole)'}; the newest is built with --partitions-from.`,
    );
  }
  const alone = parsePartition(options.partition);
  await buildPartitionHere(alone, 'alone');
  await keepPages(alone, staging);
  await stopForContentErrors();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(dirname(outDir), { recursive: true });
  renameSync(staging, outDir);
  console.log(
    `✓ Built partition ${options.partition} into ${shown(outDir)}; merge it with --partitions-from.`,
  );
  process.exit(0);
}

// The newest partition's kept pages are linked once the older partitions that changed have started
// (below): an edit of an older story at 100,000 articles waited 10 s for them before its partition
// started. Which older partitions are kept is known from the record the newest has just written.
await buildPartitionHere(newest, `1 of ${plan.length}`);
const older = plan.slice(0, -1);
/** The older partitions' outputs to merge, in the order of the plan. */
const built: string[] = [];
/** The older partitions that changed, to build side by side. */
const changed: { partition: Partition; step: string; output: string; key: string | undefined }[] = [];
if (older.length > 0) mkdirSync(parts, { recursive: true });
for (const [index, partition] of older.entries()) {
  const name = partitionName(partition);
  const step = `${index + 2} of ${plan.length}`;
  if (options.partitionsFrom !== undefined) {
    const output = join(resolve(options.partitionsFrom), name);
    if (!existsSync(output)) {
      stop(
        `Partition ${name} is not in ${shown(resolve(options.partitionsFrom))}: build it with npm run build -- --partition ${name} --outDir ${join(options.partitionsFrom, name)}`,
      );
    }
    console.log(`Partition ${name} (${step}) was built apart: ${shown(output)}`);
    built.push(output);
    continue;
  }
  if (keptOlder.has(name)) {
    console.log(`Partition ${name} (${step}) is as it was at its last build: kept.`);
    continue;
  }
  const output = join(parts, name);
  changed.push({ partition, step, output, key: olderKey(current!, partition) });
  built.push(output);
}
// Astro renders a build's pages on one thread, so the older partitions that changed build side by
// side, as many at once as the build has threads (--jobs), each with an Astro cache folder of its
// own (`partitionAstroCache`). Each holds the whole archive's content store, 3.7 GB at 100,000
// articles, so no more at once than the machine has 4 GB of memory for. Astro bundles a build's
// pages into `.prerender/` in its output folder, but into the project's `.astro/` when that folder
// is outside the project (its test is this one), where two builds at once would overwrite each
// other's bundle: an output outside the project has its partitions built one at a time.
const together = parts.startsWith(process.cwd())
  ? Math.max(1, Math.min(options.threads, Math.floor(totalmem() / 4 / 1024 ** 3)))
  : 1;
let next = 0;
const keep = ({ partition, output, key }: (typeof changed)[number]) => {
  if (key) keepPartitionOutput(cacheDir, partitionName(partition), output, key, pagesOf(current!, partition));
};
// A partition's output is kept once the next partition's Astro has started (buildPartitionHere
// starts it before it awaits anything): keeping reads and links every page, 8–20 s of a cold build
// at 100,000 articles between one partition's build and the next's, on a core Astro's start leaves
// free.
const buildChanged = async () => {
  let last: (typeof changed)[number] | undefined;
  for (let job = changed[next++]; job; job = changed[next++]) {
    const building = buildPartitionHere(job.partition, job.step, job.output).then(() =>
      keepPages(job.partition, job.output),
    );
    if (last) keep(last);
    await building;
    last = job;
  }
  if (last) keep(last);
};
const olderBuilt = Promise.all(Array.from({ length: together }, buildChanged));
await keepPages(newest, staging);
if (older.length > 0) renameSync(staging, join(parts, partitionName(newest)));
await olderBuilt;
if (older.length > 0) renameSync(join(parts, partitionName(newest)), staging);
try {
  for (const output of built) mergeOutput(output, staging);
} catch (error) {
  stop(`The partitions of the build could not be merged: ${(error as Error).message}`);
}
rmSync(parts, { recursive: true, force: true });
await stopForContentErrors();
const lint = await checked;

const articlePages = builtArticlePages(staging);
const pages = articlePages.length;
const sitemaps = readdirSync(staging).filter((file) => /^sitemap-\d+\.xml$/.test(file));
const sitemap = sitemaps.flatMap((file) =>
  sitemapArticleUrls(readFileSync(join(staging, file), 'utf8')),
).length;
const problems = countProblems({ published: lint.published, pages, sitemap });
if (problems.length > 0) stop(problems.join('\n'));

console.log(formatAstroSummary(astroLog, Date.now() - startedAt));
// What the pages were built from, for the next build; their search keys also plan the search index.
const pagesBuilt = builtPages(staging, code, current!, previous);
try {
  const searchStarted = Date.now();
  await clearingShards;
  const known = new Map(
    current!.pages.map(({ path, month }) => [
      pageFile(path),
      { digest: pagesBuilt.pages[path]?.search, month },
    ]),
  );
  const search = await buildSearchIndex(staging, outDir, {
    articlePages,
    known,
    jobs: options.threads,
    surveyed: { site: replacedIndex, previous: await publishedIndexSurvey },
    early: early?.(),
  });
  console.log(formatSearchIndex(search, Date.now() - searchStarted));
} catch (error) {
  stop(`The search index could not be written: ${(error as Error).message}`);
}

// After the search index, so that no redirect or removed page is indexed; in the final step of a
// partitioned build, so that they are written once.
try {
  // The pages at old and removed addresses wear the paper's colours (src/styles/tokens.css).
  const palette = colourTokens(readFileSync('src/styles/tokens.css', 'utf8'));
  writeRedirects(staging, planRedirects(index.articles), index.removed, { ...site, palette });
} catch (error) {
  stop(`The redirects could not be written: ${(error as Error).message}`);
}
const vanished = vanishedUrls(previousAddresses(outDir), siteAddresses(staging));
if (vanished.length > 0) stop(formatVanished(vanished, now, site.timezone));

// The output replaced last time, unless this build made it its own (keepUnchangedPages), is set
// aside for the next build to delete while its Astro runs.
await clearing;
await clearingReplaced;
rmSync(discarded, { recursive: true, force: true });
if (existsSync(replaced)) renameSync(replaced, discarded);
// Until the new record is written, no record: the next build would render every page.
rmSync(builtPagesFile(outDir), { force: true });
if (existsSync(outDir)) renameSync(outDir, previous === undefined ? discarded : replaced);
renameSync(staging, outDir);
recordAddresses(outDir);
writeBuiltPages(builtPagesFile(outDir), pagesBuilt);
// A build that rendered every page (a first build, --force, a change of code) replaced an output
// that shares no file with its own, and its Astro deleted the one before (above). The next build
// would have to link every page it keeps into an empty folder: 7 s of the first publish at 100,000
// articles, and 27 s with the deletion of the output set aside beside it. So this build, which
// takes minutes there, deletes that output and leaves a copy of its own in links to assemble in.
if (previous === undefined && !machines) {
  if (options.verbose) console.log(`Leaving the next build a copy of ${shown(outDir)} in links …`);
  const problem = leaveLinkCopy(outDir);
  if (problem) console.warn(`⚠ ${problem}`);
}

const report = schedule(lint.scheduled, now);
writeFileSync(scheduleFile(outDir), `${JSON.stringify(report, null, 2)}\n`);
const embargoes = formatSchedule(report, site.timezone);
console.log(`\n${formatCompiler(lint)}\n`);
console.log(`✓ ${formatPublished({ ...lint, to: shown(outDir) }, report, site.timezone)}`);
if (embargoes) console.log(embargoes);
