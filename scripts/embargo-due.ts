/**
 * npm run embargo-due [-- --outDir DIR]: has an embargo lifted since the last build into DIR
 * (default dist)? Reads DIR.schedule.json, which that build wrote, and the clock (BROADSHEET_NOW
 * like the build). Exit 0: build now; exit 1: nothing is due. In GitHub Actions (GITHUB_OUTPUT
 * set) it writes `due=true` or `due=false` as the step's output instead and exits 0, so that a
 * quarter-hour with nothing to publish is not a failed run.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scheduleFile } from '../src/lib/build-report.ts';
import { embargoDue } from '../src/lib/embargo.ts';
import { buildClock, githubOutput } from '../src/lib/env.ts';

const usage = 'Usage: npm run embargo-due [-- --outDir DIR]';
let outDir: string;
try {
  ({ outDir } = parseArgs({ options: { outDir: { type: 'string', default: 'dist' } } }).values);
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const file = scheduleFile(resolve(outDir));
const check = embargoDue(existsSync(file) ? readFileSync(file, 'utf8') : undefined, buildClock());
console.log(`${file}: ${check.reason}`);
const output = githubOutput();
if (output) appendFileSync(output, `due=${check.due}\n`);
else process.exitCode = check.due ? 0 : 1;
