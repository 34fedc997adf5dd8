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
 * The environment of a child build or server: the caller's, without what vitest and Astro's vitest
 * config add to it (BASE_URL and SITE would change where the dev server serves the site).
 */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^(VITEST|VITE_|TEST$|NODE_ENV$|MODE$|SITE$|BASE_URL$|PROD$|DEV$|SSR$|FORCE_TTY$)/.test(name),
    ),
  );
  return { ...env, ...extra };
}

/**
 * Runs the production build (`npm run build`'s script: content check, Astro, output check, swap) of
 * `content` into `dist` with the clock pinned at `now`. Each build is a full one (`--force`) unless
 * `incremental` is asked for: Astro would otherwise reuse pages of the suite's previous run.
 */
export function buildSite(
  site: BuiltSite,
  extraEnv: Record<string, string> = {},
  { incremental = false }: { incremental?: boolean } = {},
): { status: number; output: string } {
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'scripts/build.ts',
      '--outDir',
      site.dist,
      ...(incremental ? [] : ['--force']),
    ],
    {
      encoding: 'utf8',
      env: childEnv({ BROADSHEET_CONTENT: site.content, BROADSHEET_NOW: site.now, ...extraEnv }),
    },
  );
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
}
