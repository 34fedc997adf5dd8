import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { lineOf, place, writeNewsroom } from '../support/bad-input-newsroom.ts';
import type { Mistake } from '../support/bad-input-newsroom.ts';
import { buildSite, outputRoot, projectCopy } from '../support/build-site.ts';
import { badInputCases } from './bad-input-cases.ts';

/**
 * Guarantee 2 (clear failure): each editor mistake stops `npm run build` at the content check with a
 * message naming the file, the line, the field where there is one and the fix, and leaves the previous
 * output folder exactly as it was. Each case (bad-input-cases.ts) is a tiny valid newsroom plus one
 * mistake; only the last test (the same newsroom without a mistake) runs Astro to the end.
 */

const root = join(outputRoot, 'bad-input');
const now = '2026-01-15T12:00:00+08:00';
const sentinel =
  '<!doctype html><title>Previous site</title><p>bad-input sentinel: the site before this build\n';
// Its own project copy: the builds here run beside the dev-preview test's server.
let project: string;
beforeAll(() => {
  project = projectCopy('bad-input');
});
const scripts = Object.keys(
  (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts,
);

/** Writes the newsroom and a previous site into dist/, builds, and returns what the tests look at. */
async function attempt(name: string, mistake?: Mistake) {
  const dir = join(root, name);
  await writeNewsroom(dir, mistake);
  const dist = join(dir, 'dist');
  place(join(dist, 'index.html'), sentinel);
  const { status, output } = await buildSite({ content: dir, dist, now }, project);
  return {
    dir,
    dist,
    status,
    output,
    // The build prints paths relative to the project it runs in.
    folder: relative(project, dir),
    leftovers: readdirSync(dir).filter((entry) => entry.includes('staging')),
  };
}

describe('a build with one editor mistake stops at the content check', () => {
  test.each(badInputCases)('$name', async ({ name, mistake, expected }) => {
    const { dir, dist, status, output, folder, leftovers } = await attempt(name, mistake);
    const diagnostics = output.split('\n').filter((line) => /^\S+:\d+:\d+ {2}(error|warning) {2}/.test(line));

    expect(status, output).not.toBe(0);
    expect(output, 'the content check must finish and report').not.toContain('unsettled top-level await');
    expect(output).toContain('Nothing was published');
    expect(output).toMatch(/The content has \d+ errors?/);
    expect(output).not.toContain('Astro could not build');
    // One message per mistake: Astro's own report of it (a broken reference, a refused field) is not shown.
    expect(output).not.toMatch(/\[(ERROR|WARN)\] \[content\]/);
    for (const want of expected(folder)) {
      const path = `${folder}/${want.file}`;
      const line = lineOf(dir, want.file, want.at);
      const here = diagnostics.filter(
        (each) =>
          each.startsWith(`${path}:${line}:`) && each.includes('  error  ') && want.problem.test(each),
      );
      expect(here, `an error at ${path}:${line} matching ${want.problem.source}\n${output}`).toHaveLength(1);
      const [diagnostic = ''] = here;
      if (want.field) expect(diagnostic).toContain(` ${want.field}`);
      expect(diagnostic, 'tells the editor what to do').toMatch(want.fix);
    }
    // The mistake is the only problem: the rest of the newsroom is valid.
    expect(diagnostics.filter((each) => each.includes('  error  '))).toHaveLength(expected(folder).length);
    // Any command the editor is told to run exists.
    for (const [, script] of output.matchAll(/npm run ([\w:-]+)/g)) expect(scripts).toContain(script);

    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe(sentinel);
    expect(readdirSync(dist)).toEqual(['index.html']);
    expect(leftovers).toEqual([]);
    expect(existsSync(`${dist}.schedule.json`)).toBe(false);
  });
});

describe('the same newsroom without a mistake', () => {
  test('builds and replaces the previous site (so the checks above can fail)', async () => {
    const { dist, status, output, leftovers } = await attempt('valid');

    expect(status, output).toBe(0);
    expect(output).not.toMatch(/ {2}(error|warning) {2}/);
    expect(output).toContain('Published 3 articles');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toBe(sentinel);
    expect(readFileSync(join(dist, 'articles/x/index.html'), 'utf8')).toContain('fake harbour');
    expect(existsSync(join(dist, 'articles/part-two/index.html'))).toBe(true);
    expect(leftovers).toEqual([]);
  }, 120_000);
});
