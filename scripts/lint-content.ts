/**
 * npm run lint:content [-- --format json]: checks every article like a compiler; exit 1 on errors.
 * Uses BROADSHEET_CONTENT and BROADSHEET_NOW like the build.
 */
import { buildClock, contentRoot } from '../src/lib/env.ts';
import { formatCompiler, lintContent } from '../src/lib/lint/index.ts';

const json = process.argv.includes('--format=json') || process.argv.join(' ').includes('--format json');
const result = await lintContent(contentRoot(), buildClock());
console.log(json ? JSON.stringify(result.diagnostics, null, 2) : formatCompiler(result));
process.exitCode = result.errors > 0 ? 1 : 0;
