import type { TestProject } from 'vitest/node';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDirFor } from '../../src/lib/env.ts';
import { addressesFile } from '../../src/lib/redirect-output.ts';
import { chromiumPath } from './browser.ts';
import { buildSite, projectCopy } from './build-site.ts';
import type { BuiltSite } from './build-site.ts';
import { writeFixtureSite } from './fixture-site.ts';
import { writeRandomSite } from './random-site.ts';
import {
  editPair,
  emptySite,
  fixtureManifestPath,
  fixtureSite,
  gatingSites,
  incrementalSite,
  newsroomSite,
  partitionedSite,
  randomSite,
  renameSite,
  seedSite,
  sideBySideSite,
  timezoneSites,
} from './sites.ts';
import { eventChains, undoProjectEvents } from './site-events.ts';
import { writeEditPair, writeEmptySite, writeGatingSite, writeRenameSite } from './special-sites.ts';

/**
 * Gives the run a temporary folder of its own, which every test's and build's temporary folders go
 * in (TMPDIR, read by `tmpdir()` in the test workers and the processes they start), and deletes it
 * when the run ends: tests make hundreds of them, and none should be left behind on a machine. Then
 * builds the sites the built-site and browser tests inspect.
 */
export default async function setup(project: TestProject) {
  const temporary = mkdtempSync(join(tmpdir(), 'broadsheet-tests-'));
  process.env['TMPDIR'] = temporary;
  await buildSites(project);
  return () => {
    rmSync(temporary, { recursive: true, force: true });
  };
}

/**
 * Builds each site the built-site and browser tests inspect, once per run, before any test starts.
 * Skipped when only unit and component tests were asked for.
 *
 * Builds of different content folders run two at a time (BROADSHEET_TEST_BUILDS to change it), each
 * lane in its own copy of the project (see projectCopy): a small build spends most of its time in one
 * core's worth of JavaScript, and each takes under 1 GB. Builds of the same content folder run one
 * after another in one lane, since they share Astro's cache folder.
 */
async function buildSites(project: TestProject) {
  const names = project.vitest.projects.map((each) => each.name);
  if (!names.some((name) => name === 'site' || name === 'e2e')) return;
  if (names.includes('e2e')) await chromiumPath();
  // Whole seconds: the build clock must be an ISO date-time with an offset.
  const newsroomNow = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
  project.provide('newsroomNow', newsroomNow);

  const manifest = await writeFixtureSite(fixtureSite.content);
  writeFileSync(fixtureManifestPath, JSON.stringify(manifest));
  writeEditPair(editPair.before.content, editPair.after.content);
  await writeGatingSite(gatingSites.before.content);
  writeRandomSite(randomSite.content);
  writeEmptySite(emptySite.content);
  const newsroom = newsroomSite(newsroomNow);
  rmSync(newsroom.content, { recursive: true, force: true });
  cpSync('content', newsroom.content, { recursive: true });

  const once = (site: BuiltSite) => async (project: string) => {
    await build(site, project, { TZ: 'UTC' });
  };
  // Longest first, so that the last lane to finish is not left with a long build.
  const groups: ((project: string) => Promise<void>)[] = [
    ...eventChains.map((_, index) => (project: string) => buildIncrementalChain(index, project)),
    buildOnSeveralMachines,
    buildSideBySide,
    buildRenameSite,
    async (project) => {
      await build(gatingSites.before, project, { TZ: 'UTC' });
      await build(gatingSites.after, project, { TZ: 'UTC' });
      for (const [zone, site] of Object.entries(timezoneSites)) await build(site, project, { TZ: zone });
    },
    once(fixtureSite),
    once(newsroom),
    once(seedSite),
    once(randomSite),
    once(editPair.before),
    once(editPair.after),
    once(emptySite),
  ];
  const lanes = Number(process.env['BROADSHEET_TEST_BUILDS']) || Math.min(2, availableParallelism());
  await inLanes(groups, lanes);
}

/**
 * Runs `tasks` in order in `lanes` lanes, each with its own project copy; fails with the first failure
 * once all have settled.
 */
async function inLanes(tasks: ((project: string) => Promise<void>)[], lanes: number): Promise<void> {
  const queue = [...tasks];
  const lane = async (_: unknown, index: number) => {
    const project = projectCopy(`lane-${index + 1}`);
    for (let task = queue.shift(); task; task = queue.shift()) await task(project);
  };
  const results = await Promise.allSettled(Array.from({ length: lanes }, lane));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Builds `site`, logs how long it took, and returns the build's output; throws if the build fails.
 * The output folder (and the record of its addresses beside it) is emptied first unless `previous`
 * is 'kept': a build refuses to lose an address the previous output had, and that output may be an
 * earlier run's, of other content.
 */
async function build(
  site: BuiltSite,
  project: string,
  env: Record<string, string> = {},
  options: Parameters<typeof buildSite>[3] = {},
  previous: 'emptied' | 'kept' = 'emptied',
): Promise<string> {
  if (previous === 'emptied') {
    rmSync(site.dist, { recursive: true, force: true });
    rmSync(addressesFile(site.dist), { force: true });
  }
  const started = Date.now();
  const { status, output } = await buildSite(site, project, env, options);
  if (status !== 0) throw new Error(`Building ${site.content} into ${site.dist} failed:\n${output}`);
  console.log(`built ${site.dist} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return output;
}

/**
 * The partitioned site (sites.ts), built as a CI matrix builds it: each "machine" starts from an
 * empty cache (one checkout path, as on CI's runners), and the merged site is compared with a full
 * build of the same content.
 */
async function buildOnSeveralMachines(project: string) {
  const { content, now, partitionSize, parts, dist, full, plan } = partitionedSite;
  rmSync(join(content, '..'), { recursive: true, force: true });
  await writeFixtureSite(content, { generated: 20 });
  const site = (out: string) => ({ content, now, dist: out });
  const newMachine = () => {
    rmSync(cacheDirFor(content, project), { recursive: true, force: true });
  };
  await build(site(full), project);
  newMachine();
  // --plan only prints the partitions: the full build stays.
  writeFileSync(plan, await build(site(full), project, {}, { partitionSize, args: ['--plan'] }, 'kept'));
  newMachine();
  await build(
    site(join(parts, 'upto-2025')),
    project,
    {},
    { partitionSize, args: ['--partition', 'upto-2025'] },
  );
  newMachine();
  // Mistakes an operator can make, each refused before anything is built.
  const refusals = [];
  for (const args of [
    ['--partition', 'from-2026'],
    ['--partitions-from', join(parts, '..', 'no-partitions-here')],
  ]) {
    const { status, output } = await buildSite(site(dist), project, {}, { partitionSize, args });
    refusals.push({ args, status, output });
  }
  writeFileSync(partitionedSite.refusals, JSON.stringify(refusals));
  // The merging job, on CI a runner of its own too.
  newMachine();
  writeFileSync(
    partitionedSite.mergeLog,
    await build(site(dist), project, {}, { partitionSize, args: ['--partitions-from', parts, '--verbose'] }),
  );
}

/** The side-by-side site (sites.ts): a partition a year, the older ones built two at a time, and in full. */
async function buildSideBySide(project: string) {
  const { content, now, partitionSize, log, dist, full } = sideBySideSite;
  rmSync(join(content, '..'), { recursive: true, force: true });
  await writeFixtureSite(content, { generated: 20 });
  const story = readFileSync(join(content, 'articles/generated-story-020/index.md'), 'utf8');
  for (const year of [2023, 2024]) {
    const older = story
      .replace(/^title: .*$/m, `title: "Generated fixture story of ${year}"`)
      .replace(/^publishedAt: .*$/m, `publishedAt: "${year}-06-01T12:00:00+08:00"`);
    mkdirSync(join(content, `articles/generated-story-of-${year}`), { recursive: true });
    writeFileSync(join(content, `articles/generated-story-of-${year}/index.md`), older);
  }
  const site = (out: string) => ({ content, now, dist: out });
  await build(site(full), project);
  // As if the newest partition had split since the last build, which started from 2025: the build
  // that starts with it must start again with from-2026.
  mkdirSync(cacheDirFor(content, project), { recursive: true });
  writeFileSync(
    join(cacheDirFor(content, project), 'newest-partition.json'),
    JSON.stringify({ [partitionSize]: { from: 2025 } }),
  );
  // Inside the project: partitions of an output elsewhere build one at a time (scripts/build.ts).
  const inside = join(project, 'side-by-side');
  writeFileSync(
    log,
    await build(site(inside), project, {}, { partitionSize, args: ['--jobs', '2', '--verbose'] }),
  );
  rmSync(dist, { recursive: true, force: true });
  renameSync(inside, dist);
}

/**
 * The rename site (sites.ts) deployed three times into one output folder: before, after a rename and
 * a takedown, and with the rename's old addresses forgotten, which is refused.
 */
async function buildRenameSite(project: string) {
  const { content, dist, now, after, kept, refused } = renameSite;
  writeRenameSite(content, 'before');
  await build({ content, now, dist }, project);
  writeRenameSite(content, 'after');
  await build({ content, now, dist }, project, {}, {}, 'kept');
  rmSync(after, { recursive: true, force: true });
  cpSync(dist, after, { recursive: true });
  writeRenameSite(content, 'forgotten');
  const withOutput = await buildSite({ content, now, dist }, project);
  rmSync(kept, { recursive: true, force: true });
  cpSync(dist, kept, { recursive: true });
  // As on CI after a change of code: the previous output is gone, its record of addresses is kept.
  rmSync(dist, { recursive: true, force: true });
  const withRecordOnly = await buildSite({ content, now, dist }, project);
  writeFileSync(refused, JSON.stringify({ withOutput, withRecordOnly }));
}

/**
 * One chain of the incremental-build site: a full build, then for each event an incremental build and
 * a full one (`--force`, which also clears Astro's content cache), each output copied aside. The
 * second chain's incremental builds are partitioned, as a large archive's are. Every
 * build writes to the chain's one output folder, since Astro's incremental cache holds only for it
 * (it is part of the config).
 */
async function buildIncrementalChain(index: number, project: string) {
  const { content, dist, start, partitionSize } = incrementalSite.chain(index);
  rmSync(join(content, '..'), { recursive: true, force: true });
  await writeFixtureSite(content, { generated: 20 });
  let now = incrementalSite.now;
  await build({ content, now, dist }, project);
  cpSync(dist, start, { recursive: true });
  try {
    for (const event of eventChains[index]!) {
      // Copies of an earlier run must not leave files behind in this run's.
      for (const copy of [incrementalSite.incremental(event.name), incrementalSite.full(event.name)])
        rmSync(copy, { recursive: true, force: true });
      await event.happen({ content, project, dist });
      now = event.now ?? now;
      const log = await build(
        { content, now, dist },
        project,
        {},
        { incremental: true, partitionSize },
        'kept',
      );
      cpSync(dist, incrementalSite.incremental(event.name), { recursive: true });
      writeFileSync(incrementalSite.log(event.name), log);
      await build({ content, now, dist }, project, {}, {}, 'kept');
      cpSync(dist, incrementalSite.full(event.name), { recursive: true });
    }
  } finally {
    undoProjectEvents(project);
  }
}
