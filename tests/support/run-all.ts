/**
 * npm test: every check, side by side, so that both cores of a small CI machine stay busy. Once
 * `astro sync` has written the types the type check and ESLint read (.astro/, absent from a clean
 * clone), the type check (without syncing again, so that nothing rewrites them while ESLint reads),
 * ESLint + Prettier and vitest run at the same time; vitest's builds run in copies of the project
 * (tests/support/build-site.ts). vitest's output streams as it comes; each other command's output is
 * printed whole when it ends. The run fails if any command fails.
 */
import { spawn } from 'node:child_process';

/** Runs npm with `args`, streaming its output or holding it until it ends; resolves to whether it passed. */
function run(args: string[], stream = false): Promise<{ passed: boolean; output: string }> {
  const started = Date.now();
  const child = spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: string) => {
    output += chunk;
    if (stream) process.stdout.write(chunk);
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  return new Promise((done) => {
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const verdict = code === 0 ? 'passed' : `FAILED (exit ${code ?? 'signal'})`;
      process.stdout.write(`${stream ? '' : output}\n── npm ${args.join(' ')}: ${verdict} in ${seconds} s\n`);
      done({ passed: code === 0, output });
    });
  });
}

const synced = await run(['exec', '--', 'astro', 'sync']);
const [vitest, ...checks] = await Promise.all([
  run(['exec', '--', 'vitest', 'run'], true),
  run(['exec', '--', 'astro', 'check', '--noSync']),
  run(['exec', '--', 'eslint', '--max-warnings', '0', '.']).then(async (eslint) => {
    const prettier = await run(['exec', '--', 'prettier', '--check', '.']);
    return { passed: eslint.passed && prettier.passed, output: '' };
  }),
]);
// CI counts tests from the closing line (tests/support/summary-reporter.ts), so vitest's summary is
// repeated last, after the other checks' output.
const summary = /^vitest: \d+ passed, \d+ failed.*$/m.exec(vitest.output);
if (summary) console.log(`\n${summary[0]}`);
process.exitCode = synced.passed && vitest.passed && checks.every((check) => check.passed) ? 0 : 1;
