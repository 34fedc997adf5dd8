/**
 * npm run lint:content [-- --format json]: checks every article like a compiler; exit 1 on errors.
 * Uses BROADSHEET_CONTENT and BROADSHEET_NOW like the build.
 */
import { parseArgs } from 'node:util';
import { buildClock, contentRoot } from '../src/lib/env.ts';
import { formatCompiler, lintContent } from '../src/lib/lint/index.ts';

const usage = 'Usage: npm run lint:content [-- --format compiler|json]';
let format: string;
try {
  ({ format } = parseArgs({ options: { format: { type: 'string', default: 'compiler' } } }).values);
  if (format !== 'compiler' && format !== 'json')
    throw new Error(`--format must be compiler or json, not "${format}"`);
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const result = await lintContent(contentRoot(), buildClock());
console.log(format === 'json' ? JSON.stringify(result.diagnostics, null, 2) : formatCompiler(result));
process.exitCode = result.errors > 0 ? 1 : 0;
