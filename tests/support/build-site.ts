import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** Where the test suite builds its sites. */
export const outputRoot = resolve('tests/.output');

/** A site the suite builds once per run and inspects. */
export interface BuiltSite {
  content: string;
  dist: string;
  now: string;
}

/**
 * Runs the production build (`npm run build`'s script: content check, Astro, output check, swap) of
 * `content` into `dist` with the clock pinned at `now`.
 */
export function buildSite(
  site: BuiltSite,
  extraEnv: Record<string, string> = {},
): { status: number; output: string } {
  const result = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'scripts/build.ts', '--outDir', site.dist],
    {
      encoding: 'utf8',
      env: { ...process.env, BROADSHEET_CONTENT: site.content, BROADSHEET_NOW: site.now, ...extraEnv },
    },
  );
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}
