import { spawn } from 'node:child_process';
import { cpSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
 * A copy of the project (its config, src, public and scripts, with node_modules linked) for the suite
 * to build in, made afresh. Astro writes what it knows of the content it builds into the project's
 * .astro/ folder (content-assets.mjs names every image to import), so two builds of different content
 * folders, or a build beside `astro check` or the dev server, must not share a project folder.
 */
export function projectCopy(name: string): string {
  const dir = join(outputRoot, 'projects', name);
  rmSync(dir, { recursive: true, force: true });
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts'])
    cpSync(entry, join(dir, entry), { recursive: true });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * Runs the production build (`npm run build`'s script: content check, Astro, output check, swap) of
 * `content` into `dist` with the clock pinned at `now`. Each build is a full one (`--force`) unless
 * `incremental` is asked for: Astro would otherwise reuse pages of the suite's previous run. An
 * incremental build is also `--verbose`, so that its log names each page as rendered or restored.
 * The build runs in `project` (a `projectCopy`), so that builds can run side by side.
 */
export function buildSite(
  site: BuiltSite,
  project: string,
  extraEnv: Record<string, string> = {},
  {
    incremental = false,
    partitionSize,
    args = [],
  }: { incremental?: boolean; partitionSize?: number; args?: string[] } = {},
): Promise<{ status: number; output: string }> {
  const child = spawn(
    process.execPath,
    [
      'scripts/build.mjs',
      '--outDir',
      site.dist,
      ...(incremental ? ['--verbose'] : ['--force']),
      ...(partitionSize === undefined ? [] : ['--partition-size', String(partitionSize)]),
      ...args,
    ],
    {
      cwd: project,
      env: childEnv({ BROADSHEET_CONTENT: site.content, BROADSHEET_NOW: site.now, ...extraEnv }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      done({ status: code ?? 1, output: `${stdout}\n${stderr}` });
    });
  });
}
