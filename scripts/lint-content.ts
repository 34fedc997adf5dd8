/**
 * npm run lint:content [-- --format compiler|json|github] [FILE…]: checks every article like a
 * compiler; exit 1 on errors. With files, reports (and fails on) those files only: the whole content
 * is still checked, since an article's references reach into other files. `--format github` prints
 * GitHub Actions annotations. Uses BROADSHEET_CONTENT and BROADSHEET_NOW like the build.
 */
import { parseArgs } from 'node:util';
import { buildClock, contentRoot } from '../src/lib/env.ts';
import {
  type LintResult,
  forFiles,
  formatCompiler,
  formatGithub,
  lintContent,
} from '../src/lib/lint/index.ts';

const formatters: Record<string, (result: LintResult) => string> = {
  compiler: formatCompiler,
  json: (result) => JSON.stringify(result.diagnostics, null, 2),
  github: formatGithub,
};
const usage = 'Usage: npm run lint:content [-- --format compiler|json|github] [FILE…]';
let format: string;
let files: string[];
try {
  ({
    values: { format },
    positionals: files,
  } = parseArgs({ options: { format: { type: 'string', default: 'compiler' } }, allowPositionals: true }));
  if (!Object.hasOwn(formatters, format))
    throw new Error(`--format must be compiler, json or github, not "${format}"`);
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const all = await lintContent(contentRoot(), buildClock());
const result = files.length > 0 ? forFiles(all, files) : all;
console.log(formatters[format]!(result));
process.exitCode = result.errors > 0 ? 1 : 0;
