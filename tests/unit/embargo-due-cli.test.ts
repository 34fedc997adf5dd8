import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { schedule } from '../../src/lib/build-report.ts';

/**
 * `npm run embargo-due`, as the scheduled workflow and an operator's cron run it: exit codes for a
 * shell, a step output in GitHub Actions.
 */
const folder = mkdtempSync(join(tmpdir(), 'broadsheet-embargo-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

// The last build, at 09:00, left one embargo waiting, lifting at 10:00 (Shanghai time).
const lastBuild = schedule(
  [
    {
      id: 'rates',
      file: 'content/articles/rates/index.md',
      publishedAt: new Date('2026-01-15T10:00:00+08:00'),
    },
  ],
  new Date('2026-01-15T09:00:00+08:00'),
);
writeFileSync(join(folder, 'site.schedule.json'), JSON.stringify(lastBuild));

const embargoDue = (now: string, outDir: string, githubOutput = '') =>
  spawnSync(process.execPath, [resolve('scripts/embargo-due.ts'), '--outDir', outDir], {
    encoding: 'utf8',
    cwd: folder,
    env: { ...process.env, BROADSHEET_NOW: now, GITHUB_OUTPUT: githubOutput },
  });

describe('npm run embargo-due', () => {
  test('before the embargo lifts: exit 1, and says when it will', () => {
    const { status, stdout, stderr } = embargoDue('2026-01-15T09:45:00+08:00', 'site');
    expect(stdout, stderr).toContain('site.schedule.json: Nothing to publish: the next embargo lifts at');
    expect(status).toBe(1);
  });

  test('once it has lifted: exit 0, naming the article', () => {
    const { status, stdout } = embargoDue('2026-01-15T10:07:00+08:00', 'site');
    expect(stdout).toMatch(/1 embargo has lifted .*rates\/index\.md/);
    expect(status).toBe(0);
  });

  test('with no previous build to compare with: exit 0 (build)', () => {
    const { status, stdout } = embargoDue('2026-01-15T09:45:00+08:00', 'never-built');
    expect(stdout).toContain('never-built.schedule.json: No schedule from a previous build');
    expect(status).toBe(0);
  });

  test.each([
    { now: '2026-01-15T09:45:00+08:00', output: 'due=false\n' },
    { now: '2026-01-15T10:00:00+08:00', output: 'due=true\n' },
  ])('in GitHub Actions at $now it writes $output to the step output and exits 0', ({ now, output }) => {
    const file = join(folder, `github-output-${now.slice(11, 13)}${now.slice(14, 16)}`);
    writeFileSync(file, 'earlier=1\n');
    expect(embargoDue(now, 'site', file).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(`earlier=1\n${output}`);
  });
});
