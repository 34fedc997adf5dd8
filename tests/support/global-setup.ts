import type { TestProject } from 'vitest/node';
import { appendFileSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from './build-site';
import { fixtureIds, writeEditPair, writeEmptySite, writeFixtureSite, writeGatingSite } from './fixture-site';
import { writeRandomSite } from './random-site';
import {
  editPair,
  emptySite,
  fixtureManifestPath,
  fixtureSite,
  gatingSites,
  incrementalSite,
  newsroomSite,
  randomSite,
  timezoneSites,
} from './sites';

/**
 * Builds each site the built-site and browser tests inspect, once per run, before any test starts.
 * Skipped when only unit and component tests were asked for.
 */
export default async function setup(project: TestProject) {
  const names = project.vitest.projects.map((each) => each.name);
  if (!names.some((name) => name === 'site' || name === 'e2e')) return;
  const manifest = await writeFixtureSite(fixtureSite.content);
  writeFileSync(fixtureManifestPath, JSON.stringify(manifest));
  writeEditPair(editPair.before.content, editPair.after.content);
  await writeGatingSite(gatingSites.before.content);
  writeRandomSite(randomSite.content);
  writeEmptySite(emptySite.content);
  const builds = [
    [fixtureSite, 'UTC'],
    [newsroomSite, 'UTC'],
    [editPair.before, 'UTC'],
    [editPair.after, 'UTC'],
    [gatingSites.before, 'UTC'],
    [gatingSites.after, 'UTC'],
    [randomSite, 'UTC'],
    [emptySite, 'UTC'],
    ...Object.entries(timezoneSites).map(([zone, site]) => [site, zone] as const),
  ] as const;
  for (const [site, zone] of builds) {
    const started = Date.now();
    const { status, output } = buildSite(site, { TZ: zone });
    if (status !== 0) throw new Error(`Building ${site.content} failed:\n${output}`);
    console.log(`built ${site.content} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await buildIncrementalSite();
}

/** The incremental-build site: a full build, one body edit and an incremental build, a full build. */
async function buildIncrementalSite() {
  const { content, now, first, edited, clean, log, edit } = incrementalSite;
  await writeFixtureSite(content, { generated: 60 });
  rmSync(first, { recursive: true, force: true });
  const build = (dist: string, incremental: boolean) => {
    const started = Date.now();
    const result = buildSite({ content, now, dist }, {}, { incremental });
    if (result.status !== 0) throw new Error(`Building ${content} into ${dist} failed:\n${result.output}`);
    console.log(`built ${dist} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result.output;
  };
  // Astro's incremental cache holds only for the same output folder (it is part of the config), so
  // the first build's output is kept by copying it aside.
  build(edited, false);
  cpSync(edited, first, { recursive: true });
  appendFileSync(join(content, 'articles', fixtureIds.complete, 'index.md'), `\n${edit}\n`);
  writeFileSync(log, build(edited, true));
  build(clean, false);
}
