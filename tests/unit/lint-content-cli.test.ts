import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * `npm run lint:content -- --format github [FILE…]`, as the pull-request workflow runs it: GitHub
 * annotations for the changed files only, exit 1 when one of them has an error.
 */
const root = mkdtempSync(join(tmpdir(), 'broadsheet-lint-cli-'));
const article = (author: string) =>
  `---\ntitle: A headline\nstandfirst: One sentence.\nsection: business\nauthors: [${author}]\npublishedAt: "2026-01-10T09:00:00+08:00"\n---\n\nText.\n`;
for (const [path, text] of Object.entries({
  'sections/business.yaml': 'name: Business\ndescription: Companies.\n',
  'authors/ni-tao.yaml': 'name: Ni Tao\nrole: Contributor\nbio: Writes.\n',
  'articles/fine/index.md': article('ni-tao'),
  'articles/typo/index.md': article('ni-tau'),
  'articles/other-typo/index.md': article('ni-toa'),
})) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const lint = (args: string[]) =>
  spawnSync(process.execPath, [resolve('scripts/lint-content.ts'), ...args], {
    encoding: 'utf8',
    cwd: root,
    env: { ...process.env, BROADSHEET_CONTENT: root, BROADSHEET_NOW: '2026-01-15T12:00:00+08:00' },
  });

describe('npm run lint:content -- --format github', () => {
  test('annotates each error of the whole content on its file and line, and exits 1', () => {
    const { status, stdout, stderr } = lint(['--format', 'github']);
    expect(stdout.trim().split('\n'), stderr).toEqual([
      expect.stringMatching(
        /^::error file=articles\/other-typo\/index\.md,line=5,col=\d+,title=[\w-]+::.*ni-toa/,
      ),
      expect.stringMatching(/^::error file=articles\/typo\/index\.md,line=5,col=\d+,title=[\w-]+::.*ni-tau/),
    ]);
    expect(status).toBe(1);
  });

  test('with files, annotates those files only', () => {
    const { status, stdout } = lint([
      '--format',
      'github',
      'articles/typo/index.md',
      'articles/fine/index.md',
    ]);
    expect(stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^::error file=articles\/typo\/index\.md,/),
    ]);
    expect(status).toBe(1);
  });

  test('with a file that has no problems, prints nothing and exits 0', () => {
    const { status, stdout } = lint(['--format', 'github', './articles/fine/index.md']);
    expect(stdout.trim()).toBe('');
    expect(status).toBe(0);
  });
});
