import type { TestProject } from 'vitest/node';
import { writeFileSync } from 'node:fs';
import { buildSite } from './build-site';
import { writeEditPair, writeFixtureSite, writeGatingSite } from './fixture-site';
import { writeRandomSite } from './random-site';
import {
  editPair,
  fixtureManifestPath,
  fixtureSite,
  gatingSites,
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
  const builds = [
    [fixtureSite, 'UTC'],
    [newsroomSite, 'UTC'],
    [editPair.before, 'UTC'],
    [editPair.after, 'UTC'],
    [gatingSites.before, 'UTC'],
    [gatingSites.after, 'UTC'],
    [randomSite, 'UTC'],
    ...Object.entries(timezoneSites).map(([zone, site]) => [site, zone] as const),
  ] as const;
  for (const [site, zone] of builds) {
    const started = Date.now();
    const { status, output } = buildSite(site, { TZ: zone });
    if (status !== 0) throw new Error(`Building ${site.content} failed:\n${output}`);
    console.log(`built ${site.content} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
