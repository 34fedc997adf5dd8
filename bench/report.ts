/**
 * The bench's report: medians over rounds, the tables printed at the end of a run, Broadsheet ÷ peer
 * ratios, and the record written to bench/results/<time>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Changes, Run } from './measure.ts';
import { type Scenario, scenarios } from './scenarios.ts';

/** One build of one round. */
export interface Sample extends Run {
  size: number;
  tool: string;
  scenario: Scenario;
  round: number;
  /** Article pages in the output: what the build published. */
  articles: number;
  /** Output files that differ from the build before; absent for a cold build, which has none before. */
  changed?: Changes;
}

/** The medians of a size, tool and scenario over the rounds. */
export interface Row {
  size: number;
  tool: string;
  scenario: Scenario;
  seconds: number;
  peakMB: number;
  phases: Record<string, number>;
  articles: number;
  changed?: Changes;
  /** Rounds in which this build failed; its time and memory are then those of the failed builds too. */
  failed?: number;
}

/** Broadsheet ÷ one peer at one size, same run. */
export interface Ratio {
  size: number;
  peer: string;
  cold: number;
  memory: number;
  edit: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Medians over rounds, by size, tool and scenario. */
export function summarise(samples: Sample[], sizes: number[], tools: string[]): Row[] {
  const rows: Row[] = [];
  for (const size of sizes) {
    for (const tool of tools) {
      for (const scenario of scenarios) {
        const runs = samples.filter((s) => s.size === size && s.tool === tool && s.scenario === scenario);
        if (runs.length === 0) continue;
        const phaseNames = [...new Set(runs.flatMap((run) => Object.keys(run.phases)))];
        const changes = runs.flatMap((run) => (run.changed ? [run.changed] : []));
        const failed = runs.filter((run) => run.failed).length;
        rows.push({
          size,
          tool,
          scenario,
          seconds: median(runs.map((run) => run.seconds)),
          peakMB: median(runs.map((run) => run.peakMB)),
          phases: Object.fromEntries(
            phaseNames.map((name) => [name, median(runs.map((run) => run.phases[name] ?? 0))]),
          ),
          articles: median(runs.map((run) => run.articles)),
          ...(changes.length > 0 && {
            changed: {
              outside: median(changes.map((each) => each.outside)),
              pagefind: median(changes.map((each) => each.pagefind)),
            },
          }),
          ...(failed > 0 && { failed }),
        });
      }
    }
  }
  return rows;
}

/** The row of a size, tool and scenario, if the run has it and no build of it failed: what ratios are taken of. */
export const find = (rows: Row[], size: number, tool: string, scenario: Scenario) =>
  rows.find((row) => row.size === size && row.tool === tool && row.scenario === scenario && !row.failed);

/** Prints the medians, with the published articles and changed files beside each, and Broadsheet's phases. */
export function printRows(
  rows: Row[],
  outputs: Record<string, { bytes: number; files: number }>,
  rounds: number,
): void {
  console.log(`\nMedians of ${rounds} round(s) on ${cpus().length} cores.\n`);
  console.log(
    ['articles', 'tool', 'scenario', 'seconds', 'peak MB', 'published', 'changed files', 'output'].join('\t'),
  );
  for (const row of rows) {
    const output = outputs[`${row.tool} ${row.size}`];
    console.log(
      [
        row.size,
        row.tool,
        row.scenario,
        row.seconds.toFixed(1),
        row.peakMB.toFixed(0),
        row.failed ? `FAILED in ${row.failed} round(s)` : row.articles,
        row.changed ? `${row.changed.outside} + ${row.changed.pagefind} in pagefind/` : '',
        row.scenario === 'cold' && output
          ? `${(output.bytes / 1e6).toFixed(1)} MB, ${output.files} files`
          : '',
      ].join('\t'),
    );
  }
  for (const row of rows.filter((each) => each.tool === 'broadsheet')) {
    const phases = Object.entries(row.phases)
      .map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`)
      .join(', ');
    console.log(`broadsheet ${row.size} ${row.scenario}: ${phases}`);
  }
}

/**
 * Broadsheet ÷ peer, same run. Broadsheet's cold build is taken with its image cache kept, since no
 * peer builds images (the "images excluded"); images are the difference of its two colds.
 */
export function ratios(rows: Row[], sizes: number[], tools: string[]): Ratio[] {
  console.log('\nRatios Broadsheet ÷ peer (cold: Broadsheet with images cached)');
  const all: Ratio[] = [];
  for (const size of sizes) {
    const ours = find(rows, size, 'broadsheet', 'cold, images cached');
    const ourEdit = find(rows, size, 'broadsheet', 'one edit');
    for (const peer of tools.filter((tool) => tool !== 'broadsheet')) {
      const theirs = find(rows, size, peer, 'cold');
      const theirEdit = find(rows, size, peer, 'one edit');
      if (!ours || !theirs || !ourEdit || !theirEdit) continue;
      const ratio = {
        size,
        peer,
        cold: ours.seconds / theirs.seconds,
        memory: ours.peakMB / theirs.peakMB,
        edit: ourEdit.seconds / theirEdit.seconds,
      };
      all.push(ratio);
      console.log(
        `${size}\t${peer}\tcold ×${ratio.cold.toFixed(2)}\tpeak memory ×${ratio.memory.toFixed(2)}\tone edit ×${ratio.edit.toFixed(2)}`,
      );
    }
  }
  return all;
}

/** Writes everything a run measured, with the machine, to bench/results/<time>.json; returns the file. */
export function writeResults(record: Record<string, unknown>, hugo: string): string {
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    hugo,
  };
  mkdirSync('bench/results', { recursive: true });
  const file = join('bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ machine, ...record }, null, 2)}\n`);
  return file;
}
