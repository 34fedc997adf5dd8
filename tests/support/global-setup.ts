import type { TestProject } from 'vitest/node';
import { buildSite } from './build-site';
import { writeFixtureSite } from './fixture-site';
import { fixtureSite, newsroomSite } from './sites';

/**
 * Builds each site the built-site and browser tests inspect, once per run, before any test starts.
 * Skipped when only unit and component tests were asked for.
 */
export default function setup(project: TestProject) {
  const names = project.vitest.projects.map((each) => each.name);
  if (!names.some((name) => name === 'site' || name === 'e2e')) return;
  writeFixtureSite(fixtureSite.content);
  for (const site of [fixtureSite, newsroomSite]) {
    const started = Date.now();
    const { status, output } = buildSite(site);
    if (status !== 0) throw new Error(`Building ${site.content} failed:\n${output}`);
    console.log(`built ${site.content} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
