import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { linterDigest } from '../../src/lib/lint/linter-digest.ts';

/** A project with the files the content check runs: a module in src/lib and src/markdown, the site config and the lockfile. */
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'linter-digest-'));
  mkdirSync(join(root, 'src/lib/lint'), { recursive: true });
  mkdirSync(join(root, 'src/markdown'), { recursive: true });
  writeFileSync(join(root, 'src/lib/lint/rule.ts'), 'export const rule = 1;\n');
  writeFileSync(join(root, 'src/markdown/render.ts'), 'export const render = 1;\n');
  writeFileSync(join(root, 'src/site.config.ts'), 'export const site = {};\n');
  writeFileSync(
    join(root, 'package-lock.json'),
    '{"lockfileVersion":3,"packages":{"node_modules/unified":{"version":"11.0.5"}}}\n',
  );
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('linterDigest', () => {
  test('is the same for the same code', () => {
    expect(linterDigest(root)).toBe(linterDigest(root));
  });

  test.each([
    ['a rule', 'src/lib/lint/rule.ts', 'export const rule = 2;\n'],
    ['the renderer', 'src/markdown/render.ts', 'export const render = 2;\n'],
    ['the site config', 'src/site.config.ts', 'export const site = { name: "x" };\n'],
    // The libraries the linter and the renderer run (unified, its plugins, yaml) are pinned here:
    // an upgrade can change a message or a fact with no line of ours changed.
    [
      'the lockfile',
      'package-lock.json',
      '{"lockfileVersion":3,"packages":{"node_modules/unified":{"version":"11.0.6"}}}\n',
    ],
  ])('changes when %s changes', (_, file, text) => {
    const before = linterDigest(root);
    writeFileSync(join(root, file), text);
    expect(linterDigest(root)).not.toBe(before);
  });

  test('does not depend on where the project is checked out', () => {
    const copy = mkdtempSync(join(tmpdir(), 'linter-digest-copy-'));
    try {
      for (const file of [
        'src/lib/lint/rule.ts',
        'src/markdown/render.ts',
        'src/site.config.ts',
        'package-lock.json',
      ]) {
        mkdirSync(join(copy, file, '..'), { recursive: true });
        writeFileSync(join(copy, file), readFileSync(join(root, file)), 'utf8');
      }
      expect(linterDigest(copy)).toBe(linterDigest(root));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
