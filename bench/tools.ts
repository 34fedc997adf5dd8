/**
 * The tools the bench builds the corpus with: Broadsheet and its peers (bare Astro, Hugo, Eleventy;
 * their sites are in bench/peers/), each with how to build it, where its output and articles are,
 * and what "every cache removed" means for it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { cacheDirFor } from '../src/lib/env.ts';
import { type BenchArticle, broadsheetArticle, nextBuildClock, peerArticle } from './corpus.ts';
import { type Run, timed } from './measure.ts';
import { addressesFile } from '../src/lib/redirect-output.ts';
import { builtPagesFile } from '../src/lib/build-cache.ts';

/** Every tool the bench knows, in the order it builds them. */
export const toolNames = ['broadsheet', 'astro', 'astro-unified', 'hugo', 'eleventy'] as const;

/** One tool: how to build it, and what "every cache removed" means for it. */
export interface Tool {
  name: string;
  out: string;
  /**
   * Builds the site; `everyPage` renders every page, as after a change of code (Broadsheet's
   * --force). A peer renders every page in each build anyway.
   */
  build: (everyPage?: boolean) => Promise<Run>;
  clean: () => void;
  /** Removes every cache but the image cache: the cold build with images excluded. */
  cleanButImages?: () => void;
  /** The folder of its article files, one Markdown file per article named after the slug. */
  articles: string;
  /** An article as this tool's Markdown file. */
  format: (article: BenchArticle) => string;
  /** Whether it leaves out an article marked `draft: true`; for the others unpublishing removes the file. */
  readsDrafts: boolean;
  /**
   * Where an unpublished story's address is listed as taken down, for a tool whose build refuses to
   * lose a published address (Broadsheet: content/removed.yaml).
   */
  takedowns?: string;
}

/** True when Hugo is on the PATH (Debian: apt-get install hugo). */
export const hugoInstalled = spawnSync('hugo', ['version']).error === undefined;

/** Hugo's version line, for the record of the machine. */
export const hugoVersion = () =>
  hugoInstalled ? spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.trim() : 'not installed';

const rm = (...paths: string[]) => {
  paths.forEach((path) => {
    rmSync(path, { recursive: true, force: true });
  });
};
const node = process.execPath;

/**
 * The chosen tools for the corpus written in `work` (by bench/run.ts: broadsheet-content/,
 * peer-content/); `broadsheetArgs` go to Broadsheet's build (bench --partition-size).
 */
export function tools(work: string, chosen: string[], broadsheetArgs: string[] = []): Tool[] {
  const content = join(work, 'broadsheet-content');
  const peerArticles = join(work, 'peer-content', 'articles');
  const astroRoot = resolve('bench/peers/astro');
  const broadsheetCache = cacheDirFor(content);
  const broadsheetOut = join(work, 'broadsheet-dist');
  /** Broadsheet's output, the records beside it and the folders it works in (`.broadsheet-dist.*`). */
  const besideBroadsheetOutput = () => [
    broadsheetOut,
    addressesFile(broadsheetOut),
    builtPagesFile(broadsheetOut),
    ...readdirSync(work)
      .filter((entry) => entry.startsWith(`.${basename(broadsheetOut)}.`))
      .map((entry) => join(work, entry)),
  ];
  const peer = { articles: peerArticles, format: peerArticle, readsDrafts: false };
  /** The bare Astro peer, with Astro's default Markdown processor or (BENCH_MARKDOWN) another. */
  const bareAstro = (name: string, env: NodeJS.ProcessEnv): Tool => {
    const out = join(work, `${name}-dist`);
    return {
      ...peer,
      name,
      out,
      build: () =>
        timed(
          node,
          [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', astroRoot, '--outDir', out],
          { ...env, BENCH_CONTENT: peerArticles, NODE_ENV: 'production' },
        ),
      clean: () => {
        rm(out, join(astroRoot, 'node_modules'), join(astroRoot, '.astro'));
      },
    };
  };
  const all: Tool[] = [
    {
      name: 'broadsheet',
      out: broadsheetOut,
      build: (everyPage = false) =>
        timed(
          node,
          [
            'scripts/build.mjs',
            '--outDir',
            broadsheetOut,
            // A line per page and step, whose times the bench reads as phases (measure.ts).
            '--verbose',
            ...(everyPage ? ['--force'] : []),
            ...broadsheetArgs,
          ],
          {
            BROADSHEET_CONTENT: content,
            BROADSHEET_NOW: nextBuildClock(),
          },
        ),
      // With the records beside it (addresses published, pages built) and the folders the build
      // works in beside it (the output it replaced, the search index's pages): a cold build starts a
      // new site.
      clean: () => {
        rm(...besideBroadsheetOutput(), broadsheetCache);
      },
      cleanButImages: () => {
        rm(...besideBroadsheetOutput());
        if (!existsSync(broadsheetCache)) return;
        for (const entry of readdirSync(broadsheetCache))
          if (entry !== 'assets') rm(join(broadsheetCache, entry));
      },
      articles: join(content, 'articles'),
      format: broadsheetArticle,
      readsDrafts: true,
      takedowns: join(content, 'removed.yaml'),
    },
    bareAstro('astro', {}),
    bareAstro('astro-unified', { BENCH_MARKDOWN: 'unified' }),
    {
      ...peer,
      name: 'hugo',
      out: join(work, 'hugo-dist'),
      build: () =>
        timed(
          'hugo',
          [
            '--quiet',
            '--source',
            resolve('bench/peers/hugo'),
            '--contentDir',
            join(work, 'peer-content'),
            '--destination',
            join(work, 'hugo-dist'),
            '--cacheDir',
            join(work, 'hugo-cache'),
          ],
          {},
        ),
      clean: () => {
        rm(join(work, 'hugo-dist'), join(work, 'hugo-cache'), resolve('bench/peers/hugo/resources'));
      },
      // Hugo leaves drafts out unless --buildDrafts.
      readsDrafts: true,
    },
    {
      ...peer,
      name: 'eleventy',
      out: join(work, 'eleventy-dist'),
      build: () =>
        timed(
          node,
          [
            resolve('node_modules/@11ty/eleventy/cmd.cjs'),
            '--quiet',
            '--config',
            resolve('bench/peers/eleventy/eleventy.config.js'),
            '--input',
            peerArticles,
            '--output',
            join(work, 'eleventy-dist'),
          ],
          {},
        ),
      clean: () => {
        rm(join(work, 'eleventy-dist'), join(peerArticles, '.cache'));
      },
    },
  ];
  return all.filter((tool) => chosen.includes(tool.name));
}
