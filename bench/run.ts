/**
 * npm run bench [-- --sizes 1000,10000 --rounds 2 --tools broadsheet,astro,astro-unified,hugo,eleventy --quick --partition-size N]
 *
 * Builds the same synthetic corpus with Broadsheet and its peers, alternating tools round by round
 * (A B A B) because these machines are noisy, and reports medians and Broadsheet/peer ratios from the
 * same run. Each round builds cold, warm, then a newsroom's events one on top of the other (body edit,
 * headline edit, publish, unpublish; then a full render, every page rendered as after a change of
 * code, and the body edit after it), counting published articles and changed output files. Prints a
 * table and writes bench/results/<timestamp>.json. See bench/README.md. --quick builds only cold and
 * then publish, for sizes where a whole round takes hours (100,000).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkBudgets } from './budgets.ts';
import { benchArticles, benchClock, newArticle, writeBroadsheetContent, writePeerContent } from './corpus.ts';
import { type Changes, changedFiles, fingerprint, folderSize, publishedArticles } from './measure.ts';
import { pageBudgets } from './page-budgets.ts';
import { type Sample, printRows, ratios, summarise, writeResults } from './report.ts';
import { type Scenario, type Targets, events, happen, targets } from './scenarios.ts';
import { type Tool, hugoInstalled, hugoVersion, toolNames, tools } from './tools.ts';

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    rounds: { type: 'string', default: '2' },
    tools: { type: 'string', default: toolNames.join(',') },
    quick: { type: 'boolean', default: false },
    // Broadsheet's partition size (npm run build -- --partition-size N), to measure partitioned builds.
    'partition-size': { type: 'string' },
  },
});
const broadsheetArgs = options['partition-size'] ? ['--partition-size', options['partition-size']] : [];
const sizes = options.sizes.split(',').map(Number);
const rounds = Number(options.rounds);
if (!hugoInstalled) console.log('Hugo is not installed (apt-get install hugo): it is left out.');
const chosen = options.tools.split(',').filter((tool) => !(tool === 'hugo' && !hugoInstalled));

const samples: Sample[] = [];
const outputs: Record<string, { bytes: number; files: number }> = {};

/**
 * One round of every scenario for one tool. It stops at a failed build, which is recorded: the next
 * scenario would have nothing to build on. The content is left as the round found it.
 */
async function runRound(tool: Tool, size: number, picked: Targets, round: number): Promise<void> {
  // Changed files are counted against the output of the build before, when there is one.
  const record = async (scenario: Scenario, compare: boolean, everyPage = false) => {
    const before = compare ? fingerprint(tool.out) : undefined;
    const run = await tool.build(everyPage);
    const changed: Changes | undefined =
      before && !run.failed ? changedFiles(before, fingerprint(tool.out)) : undefined;
    const published = run.failed ? 0 : publishedArticles(tool.out);
    samples.push({
      ...run,
      size,
      tool: tool.name,
      scenario,
      round,
      articles: published,
      ...(changed && { changed }),
    });
    console.log(
      `  round ${round} ${tool.name.padEnd(10)} ${scenario.padEnd(22)} ${run.seconds.toFixed(1).padStart(7)} s ${run.peakMB.toFixed(0).padStart(6)} MB ${run.failed ? 'FAILED' : `${String(published).padStart(7)} published`}${changed ? `, ${changed.outside} files changed + ${changed.pagefind} in pagefind/` : ''}`,
    );
    if (run.failed) console.log(run.failed.replace(/^/gm, '    '));
    return !run.failed;
  };
  tool.clean();
  if (!(await record('cold', false))) return;
  outputs[`${tool.name} ${size}`] = folderSize(tool.out);
  if (!options.quick && !(await record('warm', true))) return;
  const undo: (() => void)[] = [];
  try {
    for (const event of options.quick ? (['publish'] as const) : events) {
      undo.push(happen(event, tool, picked, round));
      if (!(await record(event, true))) return;
    }
    if (!options.quick) {
      if (!(await record('full render', true, true))) return;
      undo.push(happen('edit after full render', tool, picked, round));
      if (!(await record('edit after full render', true))) return;
    }
  } finally {
    undo.reverse().forEach((each) => {
      each();
    });
  }
  if (tool.cleanButImages && !options.quick) {
    tool.cleanButImages();
    await record('cold, images cached', false);
  }
}

for (const size of sizes) {
  const work = resolve('bench/.work', String(size));
  const articles = benchArticles(size);
  const picked = targets(articles, newArticle(size));
  writeBroadsheetContent(join(work, 'broadsheet-content'), articles, [picked.added]);
  writePeerContent(join(work, 'peer-content', 'articles'), articles);
  console.log(`\n${size} articles, the newest at ${articles.at(-1)?.publishedAt}: corpus written to ${work}`);
  for (let round = 1; round <= rounds; round += 1) {
    for (const tool of tools(work, chosen, broadsheetArgs)) await runRound(tool, size, picked, round);
  }
}

const rows = summarise(samples, sizes, chosen);
printRows(rows, outputs, rounds);
const ratiosOfRun = ratios(rows, sizes, chosen);
const budgets = await pageBudgets(join(resolve('bench/.work'), 'seed-dist'));
console.log('\nSeed article page:', budgets);
const checks = checkBudgets(rows, ratiosOfRun, sizes, budgets);
const file = writeResults(
  {
    sizes,
    rounds,
    clock: benchClock,
    broadsheetArgs,
    rows,
    ratios: ratiosOfRun,
    checks,
    samples,
    outputs,
    budgets,
  },
  hugoVersion(),
);
console.log(`\nWrote ${file}`);
