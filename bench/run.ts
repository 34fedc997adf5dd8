/**
 * npm run bench [-- --sizes 1000,10000 --rounds 2 --tools broadsheet,astro,astro-unified,hugo,eleventy]
 *
 * Builds the same synthetic corpus with Broadsheet and its peers, alternating tools round by round
 * (A B A B) because these machines are noisy, and reports medians and Broadsheet/peer ratios from the
 * same run. Prints a table and writes bench/results/<timestamp>.json. See bench/README.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheDirFor } from '../src/lib/env.ts';
import { benchArticles, writeBroadsheetContent, writePeerContent } from './corpus.ts';
import { pageBudgets } from './page-budgets.ts';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    rounds: { type: 'string', default: '2' },
    tools: { type: 'string', default: 'broadsheet,astro,astro-unified,hugo,eleventy' },
  },
});
const sizes = options.sizes.split(',').map(Number);
const rounds = Number(options.rounds);
const hugoMissing = spawnSync('hugo', ['version']).error !== undefined;
if (hugoMissing) console.log('Hugo is not installed (apt-get install hugo): it is left out.');
const chosen = options.tools.split(',').filter((tool) => !(tool === 'hugo' && hugoMissing));
/** The pinned build clock: after the newest article of the largest corpus. */
const now = '2026-11-01T00:00:00+00:00';

interface Run {
  seconds: number;
  peakMB: number;
  /** Seconds per build phase, where the tool reports its phases. */
  phases: Record<string, number>;
}

/** Runs a build under /usr/bin/time -v, timing each line of its output as it arrives. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-v', command, ...args], { env: { ...process.env, ...env } });
    const lines: { at: number; text: string }[] = [];
    let pending = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const parts = (pending + chunk.toString()).split('\n');
      pending = parts.pop() ?? '';
      for (const text of parts) lines.push({ at: (performance.now() - started) / 1000, text });
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        fail(
          new Error(
            `${command} ${args.join(' ')} failed (${code}):\n${lines.map((l) => l.text).join('\n')}\n${errors}`,
          ),
        );
        return;
      }
      const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(errors);
      done({ seconds, peakMB: peak ? Number(peak[1]) / 1024 : NaN, phases: astroPhases(lines, seconds) });
    });
  });
}

/**
 * Astro's phases from the times its log lines appeared: content sync, the Vite bundle, page rendering,
 * images, and what integrations do after (search index, sitemap, pruning).
 */
function astroPhases(lines: { at: number; text: string }[], total: number): Record<string, number> {
  const strip = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
  // Each phase starts at the first line matching its pattern after the previous phase started.
  let from = 0;
  const after = (pattern: RegExp) => {
    const index = lines.findIndex((line, at) => at >= from && pattern.test(strip(line.text)));
    if (index === -1) return undefined;
    from = index;
    return lines[index]!.at;
  };
  const marks: [string, number | undefined][] = [
    ['before astro', 0],
    ['content sync', after(/\[content\] Syncing content/)],
    ['vite bundle', after(/\[build\] Building static entrypoints/)],
    ['render pages', after(/generating static routes/)],
    ['images', after(/generating optimized images/)],
    ['integrations', after(/\[build\] ✓ Completed in/)],
    ['end', total],
  ];
  const known = marks.filter((mark): mark is [string, number] => mark[1] !== undefined);
  const phases: Record<string, number> = {};
  for (let index = 0; index + 1 < known.length; index += 1) {
    const [name, at] = known[index]!;
    phases[name] = known[index + 1]![1] - at;
  }
  return phases;
}

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

const rm = (...paths: string[]) => {
  paths.forEach((path) => {
    rmSync(path, { recursive: true, force: true });
  });
};
const node = process.execPath;

/** One tool: how to build it, and what "every cache removed" means for it. */
interface Tool {
  name: string;
  out: string;
  build: () => Promise<Run>;
  clean: () => void;
  /** Removes every cache but the image cache: the cold build with images excluded. */
  cleanButImages?: () => void;
  /** The article file an edit goes into. */
  edited: string;
}

function tools(work: string, size: number): Tool[] {
  const content = join(work, 'broadsheet-content');
  const peer = join(work, 'peer-content');
  const middle = `bench-story-${String(Math.ceil(size / 2)).padStart(5, '0')}.md`;
  const astroRoot = resolve('bench/peers/astro');
  const broadsheetCache = cacheDirFor(content);
  /** The bare Astro peer, with Astro's default Markdown processor or (BENCH_MARKDOWN) another. */
  const bareAstro = (name: string, env: NodeJS.ProcessEnv): Tool => {
    const out = join(work, `${name}-dist`);
    return {
      name,
      out,
      build: () =>
        timed(
          node,
          [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', astroRoot, '--outDir', out],
          { ...env, BENCH_CONTENT: join(peer, 'articles'), NODE_ENV: 'production' },
        ),
      clean: () => {
        rm(out, join(astroRoot, 'node_modules'), join(astroRoot, '.astro'));
      },
      edited: join(peer, 'articles', middle),
    };
  };
  const all: Tool[] = [
    {
      name: 'broadsheet',
      out: join(work, 'broadsheet-dist'),
      build: () =>
        timed(
          node,
          [
            resolve('node_modules/tsx/dist/cli.mjs'),
            'scripts/build.ts',
            '--outDir',
            join(work, 'broadsheet-dist'),
          ],
          {
            BROADSHEET_CONTENT: content,
            BROADSHEET_NOW: now,
          },
        ),
      clean: () => {
        rm(join(work, 'broadsheet-dist'), broadsheetCache);
      },
      cleanButImages: () => {
        rm(join(work, 'broadsheet-dist'));
        if (!existsSync(broadsheetCache)) return;
        for (const entry of readdirSync(broadsheetCache))
          if (entry !== 'assets') rm(join(broadsheetCache, entry));
      },
      edited: join(content, 'articles', middle),
    },
    bareAstro('astro', {}),
    bareAstro('astro-unified', { BENCH_MARKDOWN: 'unified' }),
    {
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
            peer,
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
      edited: join(peer, 'articles', middle),
    },
    {
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
            join(peer, 'articles'),
            '--output',
            join(work, 'eleventy-dist'),
          ],
          {},
        ),
      clean: () => {
        rm(join(work, 'eleventy-dist'), join(peer, 'articles', '.cache'));
      },
      edited: join(peer, 'articles', middle),
    },
  ];
  return all.filter((tool) => chosen.includes(tool.name));
}

/** Adds a sentence to the first paragraph of the article body, and returns how to undo it. */
function edit(file: string, round: number): () => void {
  const original = readFileSync(file, 'utf8');
  const end = original.indexOf('\n---\n') + 5;
  const cut = original.indexOf('. ', end + 2) + 1;
  writeFileSync(file, `${original.slice(0, cut)} Edited for benchmark round ${round}.${original.slice(cut)}`);
  return () => {
    writeFileSync(file, original);
  };
}

type Scenario = 'cold' | 'cold, images cached' | 'warm' | 'one edit';
interface Sample extends Run {
  size: number;
  tool: string;
  scenario: Scenario;
  round: number;
}

const samples: Sample[] = [];
const outputs: Record<string, { bytes: number; files: number }> = {};

for (const size of sizes) {
  const work = resolve('bench/.work', String(size));
  const articles = benchArticles(size);
  writeBroadsheetContent(join(work, 'broadsheet-content'), articles);
  writePeerContent(join(work, 'peer-content', 'articles'), articles);
  console.log(`\n${size} articles: corpus written to ${work}`);
  for (let round = 1; round <= rounds; round += 1) {
    for (const tool of tools(work, size)) {
      const record = async (scenario: Scenario) => {
        const run = await tool.build();
        samples.push({ ...run, size, tool: tool.name, scenario, round });
        console.log(
          `  round ${round} ${tool.name.padEnd(10)} ${scenario.padEnd(20)} ${run.seconds.toFixed(1).padStart(7)} s ${run.peakMB.toFixed(0).padStart(6)} MB`,
        );
      };
      tool.clean();
      await record('cold');
      outputs[`${tool.name} ${size}`] = folderSize(tool.out);
      await record('warm');
      const undo = edit(tool.edited, round);
      await record('one edit');
      undo();
      if (tool.cleanButImages) {
        tool.cleanButImages();
        await record('cold, images cached');
      }
    }
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

interface Row {
  size: number;
  tool: string;
  scenario: Scenario;
  seconds: number;
  peakMB: number;
  phases: Record<string, number>;
}
const rows: Row[] = [];
for (const size of sizes) {
  for (const tool of chosen) {
    for (const scenario of ['cold', 'cold, images cached', 'warm', 'one edit'] as Scenario[]) {
      const runs = samples.filter((s) => s.size === size && s.tool === tool && s.scenario === scenario);
      if (runs.length === 0) continue;
      const phaseNames = [...new Set(runs.flatMap((run) => Object.keys(run.phases)))];
      rows.push({
        size,
        tool,
        scenario,
        seconds: median(runs.map((run) => run.seconds)),
        peakMB: median(runs.map((run) => run.peakMB)),
        phases: Object.fromEntries(
          phaseNames.map((name) => [name, median(runs.map((run) => run.phases[name] ?? 0))]),
        ),
      });
    }
  }
}

const find = (size: number, tool: string, scenario: Scenario) =>
  rows.find((row) => row.size === size && row.tool === tool && row.scenario === scenario);

console.log(`\nMedians of ${rounds} round(s) on ${cpus().length} cores.\n`);
console.log(['articles', 'tool', 'scenario', 'seconds', 'peak MB', 'output'].join('\t'));
for (const row of rows) {
  const output = outputs[`${row.tool} ${row.size}`];
  console.log(
    [
      row.size,
      row.tool,
      row.scenario,
      row.seconds.toFixed(1),
      row.peakMB.toFixed(0),
      row.scenario === 'cold' && output ? `${(output.bytes / 1e6).toFixed(1)} MB, ${output.files} files` : '',
    ].join('\t'),
  );
}
for (const row of rows.filter((each) => each.tool === 'broadsheet')) {
  const phases = Object.entries(row.phases)
    .map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`)
    .join(', ');
  console.log(`broadsheet ${row.size} ${row.scenario}: ${phases}`);
}

/**
 * Broadsheet ÷ peer, same run. Broadsheet's cold build is taken with its image cache kept, since no
 * peer builds images (the "images excluded"); images are the difference of its two colds.
 */
console.log('\nRatios Broadsheet ÷ peer (cold: Broadsheet with images cached)');
const ratios: { size: number; peer: string; cold: number; memory: number; edit: number }[] = [];
for (const size of sizes) {
  const ours = find(size, 'broadsheet', 'cold, images cached');
  const ourEdit = find(size, 'broadsheet', 'one edit');
  for (const peer of chosen.filter((tool) => tool !== 'broadsheet')) {
    const theirs = find(size, peer, 'cold');
    const theirEdit = find(size, peer, 'one edit');
    if (!ours || !theirs || !ourEdit || !theirEdit) continue;
    const ratio = {
      size,
      peer,
      cold: ours.seconds / theirs.seconds,
      memory: ours.peakMB / theirs.peakMB,
      edit: ourEdit.seconds / theirEdit.seconds,
    };
    ratios.push(ratio);
    console.log(
      `${size}\t${peer}\tcold ×${ratio.cold.toFixed(2)}\tpeak memory ×${ratio.memory.toFixed(2)}\tone edit ×${ratio.edit.toFixed(2)}`,
    );
  }
}

/** The budgets of issue #6 that this run can check. */
const checks: { budget: string; value: string; holds: boolean }[] = [];
const check = (budget: string, value: number, limit: number, unit = '×') =>
  checks.push({ budget, value: `${value.toFixed(2)}${unit} (limit ${limit}${unit})`, holds: value <= limit });
const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
const cold = (size: number) => find(size, 'broadsheet', 'cold, images cached');
if (small !== large && cold(small) && cold(large)) {
  const factor = large / small;
  check(`time ${large} ÷ ${small} articles`, cold(large)!.seconds / cold(small)!.seconds, factor * 1.05);
  check(`peak memory ${large} ÷ ${small} articles`, cold(large)!.peakMB / cold(small)!.peakMB, factor);
  const perArticle = (cold(large)!.peakMB - cold(small)!.peakMB) / (large - small);
  console.log(
    `\nPeak memory projected to 100,000 articles: ${((cold(large)!.peakMB + perArticle * (100_000 - large)) / 1024).toFixed(1)} GB (of ${Math.round(totalmem() / 2 ** 30)} GB)`,
  );
}
for (const size of sizes) {
  const bare = ratios.find((ratio) => ratio.size === size && ratio.peer === 'astro');
  if (bare) {
    check(`${size}: cold time ÷ bare Astro`, bare.cold, 1.5);
    check(`${size}: peak memory ÷ bare Astro`, bare.memory, 1.5);
  }
  const ours = cold(size);
  const fullCold = find(size, 'broadsheet', 'cold');
  const edit = find(size, 'broadsheet', 'one edit');
  const warm = find(size, 'broadsheet', 'warm');
  if (fullCold && edit) check(`${size}: one edit ÷ cold`, edit.seconds / fullCold.seconds, 0.25);
  if (fullCold && warm) check(`${size}: warm ÷ cold`, warm.seconds / fullCold.seconds, 0.5);
  const hugo = find(size, 'hugo', 'one edit');
  if (edit && hugo)
    console.log(`${size}: one edit ${edit.seconds.toFixed(1)} s against Hugo's ${hugo.seconds.toFixed(1)} s`);
  if (ours && fullCold)
    console.log(`${size}: images cost ${(fullCold.seconds - ours.seconds).toFixed(1)} s cold`);
}

const budgets = await pageBudgets(join(resolve('bench/.work'), 'seed-dist'));
console.log('\nSeed article page:', budgets);
check('seed article HTML + CSS gzipped', budgets.htmlAndCssGzipKB, 20, ' KB');
check('seed article JavaScript', budgets.javascriptBytes, 0, ' bytes');
console.log('\nBudgets');
for (const each of checks) console.log(`${each.holds ? 'holds' : 'MISSED'}\t${each.budget}: ${each.value}`);

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  hugo: hugoMissing ? 'not installed' : spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.trim(),
};
mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ machine, sizes, rounds, rows, ratios, checks, samples, outputs, budgets }, null, 2)}\n`,
);
console.log(`\nWrote ${file}`);
