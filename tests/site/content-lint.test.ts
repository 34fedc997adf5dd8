import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lintContent } from '../../src/lib/lint';
import { childEnv, outputRoot } from '../support/build-site';
import { newsroomSite } from '../support/sites';

const now = new Date(newsroomSite.now);
const seedFile = 'articles/head-of-xiaomi-auto-charms-buyers/index.md';

describe('the content linter on the newsroom', () => {
  test('finds no error in content/', async () => {
    const result = await lintContent(resolve('content'), now);
    expect(result.diagnostics.filter((each) => each.severity === 'error')).toEqual([]);
    expect(result.published).toBe(1);
  });

  test('catches the number typo of the archived original, at its line', async () => {
    const copy = join(outputRoot, 'lint/seed-as-published');
    rmSync(copy, { recursive: true, force: true });
    cpSync(resolve('content'), copy, { recursive: true });
    const file = join(copy, seedFile);
    const text = readFileSync(file, 'utf8').replace('price of 814,900 yuan', 'price of 814,9f00 yuan');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((each) => each.includes('814,9f00 yuan,')) + 1;
    const result = await lintContent(copy, now);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        line,
        rule: 'malformed-number',
        severity: 'warning',
        message: expect.stringContaining('"814,9f00"') as unknown,
      }),
    );
  });
});

test('npm run lint:content -- --format json prints the diagnostics as JSON and exits 0 without errors', () => {
  const run = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'scripts/lint-content.ts', '--format', 'json'],
    {
      encoding: 'utf8',
      env: childEnv({ BROADSHEET_NOW: newsroomSite.now }),
    },
  );
  expect(run.status).toBe(0);
  const diagnostics = JSON.parse(run.stdout) as {
    file: string;
    line: number;
    rule: string;
    severity: string;
  }[];
  expect(diagnostics.every((each) => each.severity === 'warning')).toBe(true);
  expect(diagnostics.map((each) => each.rule)).toEqual(['photo-credit', 'photo-credit']);
  expect(diagnostics[0]?.file).toBe(`content/${seedFile}`);
});
