import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

/**
 * The maintainer CLIs read their flags with node:util parseArgs: a flag they do not know stops them
 * at once, before any work, with the usage line and exit code 2.
 */
const empty = mkdtempSync(join(tmpdir(), 'broadsheet-cli-'));
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, [resolve(script), ...args], {
    encoding: 'utf8',
    cwd: empty,
    env: { ...process.env, BROADSHEET_CONTENT: empty, BROADSHEET_NOW: '' },
  });

test.each([
  {
    script: 'scripts/build.mjs',
    args: ['--force', '--outdir', 'x'],
    message: /Unknown option '--outdir'/,
    usage: /Usage: npm run build \[-- --outDir DIR\] \[--jobs N\] \[--force\]/,
  },
  {
    script: 'scripts/build.mjs',
    args: ['--jobs', 'all'],
    message: /is not a number of threads: use a whole number from 1, e\.g\. 4/,
    usage: /Usage: npm run build/,
  },
  {
    script: 'scripts/lint-content.ts',
    args: ['--format', 'xml'],
    message: /--format must be compiler, json or github, not "xml"/,
    usage: /Usage: npm run lint:content \[-- --format compiler\|json\|github\] \[FILE…\]/,
  },
  {
    script: 'scripts/embargo-due.ts',
    args: ['--outdir', 'x'],
    message: /Unknown option '--outdir'/,
    usage: /Usage: npm run embargo-due \[-- --outDir DIR\]/,
  },
  {
    script: 'scripts/notify.ts',
    args: ['--dist', 'x'],
    message: /Unknown option '--dist'/,
    usage: /Usage: npm run notify \[-- --outDir DIR\] \[--hub URL\] \[--timeout SECONDS\]/,
  },
  {
    script: 'scripts/notify.ts',
    args: ['--hub', 'pubsubhubbub.appspot.com'],
    message: /"pubsubhubbub\.appspot\.com" is not a hub URL: use an http\(s\) URL such as https:\/\//,
    usage: /Usage: npm run notify/,
  },
  {
    script: 'scripts/notify.ts',
    args: ['--timeout', 'soon'],
    message: /--timeout must be a number of seconds above 0, e\.g\. 10, not "soon"/,
    usage: /Usage: npm run notify/,
  },
])(
  '$script $args stops at once with exit 2 and the usage',
  ({ script, args, message, usage }) => {
    const { status, stderr, stdout } = run(script, args);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(usage);
    expect(stdout).toBe('');
    expect(status).toBe(2);
  },
  30_000,
);
