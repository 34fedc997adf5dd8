import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { lintContent } from '../../src/lib/lint/index.ts';
import { childEnv, outputRoot } from '../support/build-site.ts';
import { newsroomSite, seedSite } from '../support/sites.ts';

const newsroom = newsroomSite(inject('newsroomNow'));
const seedFile = 'articles/head-of-xiaomi-auto-charms-buyers/index.md';

interface JsonDiagnostic {
  file: string;
  line: number;
  rule: string;
  severity: string;
}

/** `npm run lint:content -- --format json` at a clock, on content/ unless `content` names another folder. */
function lintJson(now: string, content?: string) {
  const run = spawnSync(process.execPath, ['scripts/lint-content.ts', '--format', 'json'], {
    encoding: 'utf8',
    env: childEnv({ BROADSHEET_NOW: now, ...(content ? { BROADSHEET_CONTENT: content } : {}) }),
  });
  return { status: run.status, stderr: run.stderr, diagnostics: JSON.parse(run.stdout) as JsonDiagnostic[] };
}

describe("the content linter on the newsroom's own content/", () => {
  test('finds no error (warnings are the editors’ to weigh)', async () => {
    const result = await lintContent(resolve('content'), new Date(newsroom.now));
    expect(result.diagnostics.filter((each) => each.severity === 'error')).toEqual([]);
  });

  test('npm run lint:content -- --format json prints its diagnostics as JSON and exits 0', () => {
    const { status, stderr, diagnostics } = lintJson(newsroom.now);
    expect(status, stderr).toBe(0);
    for (const diagnostic of diagnostics) {
      expect(diagnostic.severity).toBe('warning');
      expect(diagnostic.file.startsWith('content/')).toBe(true);
    }
  });
});

describe('the content linter on the frozen seed newsroom', () => {
  const now = new Date(seedSite.now);

  test('finds no error and counts its one article as published', async () => {
    const result = await lintContent(seedSite.content, now);
    expect(result.errors).toBe(0);
    expect(result.published).toBe(1);
  });

  test('stops the number typo of the archived original, at its line', async () => {
    const copy = join(outputRoot, 'lint/seed-as-published');
    rmSync(copy, { recursive: true, force: true });
    cpSync(seedSite.content, copy, { recursive: true });
    const file = join(copy, seedFile);
    const text = readFileSync(file, 'utf8').replace('price of 814,900 yuan', 'price of 814,9f00 yuan');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((each) => each.includes('814,9f00 yuan,')) + 1;
    const result = await lintContent(copy, now);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        line,
        rule: 'malformed-number',
        severity: 'error',
        message: expect.stringContaining('body: "814,9f00" is not a well-formed number') as unknown,
      }),
    );
  });

  test('warns, as JSON, only of the two photos without a credit', () => {
    const { status, stderr, diagnostics } = lintJson(seedSite.now, seedSite.content);
    expect(status, stderr).toBe(0);
    expect(diagnostics.map((each) => [each.severity, each.rule])).toEqual([
      ['warning', 'photo-credit'],
      ['warning', 'photo-credit'],
    ]);
    expect(diagnostics[0]?.file).toBe(`${relative(process.cwd(), seedSite.content)}/${seedFile}`);
  });
});
