import type { TestProject } from 'vitest/node';
import { writeFileSync } from 'node:fs';
import { buildSite } from './build-site';
import { writeEditPair, writeFixtureSite } from './fixture-site';
import { editPair, fixtureManifestPath, fixtureSite, newsroomSite } from './sites';

/**
 * Builds each site the built-site and browser tests inspect, once per run, before any test starts.
 * Skipped when only unit and component tests were asked for.
 */
export default function setup(project: TestProject) {
  const names = project.vitest.projects.map((each) => each.name);
  if (!names.some((name) => name === 'site' || name === 'e2e')) return;
  const manifest = writeFixtureSite(fixtureSite.content);
  writeFileSync(fixtureManifestPath, JSON.stringify(manifest));
  writeEditPair(editPair.before.content, editPair.after.content);
  for (const site of [fixtureSite, newsroomSite, editPair.before, editPair.after]) {
    const started = Date.now();
    const { status, output } = buildSite(site);
    if (status !== 0) throw new Error(`Building ${site.content} failed:\n${output}`);
    console.log(`built ${site.content} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
