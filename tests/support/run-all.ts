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
function run(args: string[], stream = false): Promise<boolean> {
  const started = Date.now();
  const child = spawn('npm', args, { stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((done) => {
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const verdict = code === 0 ? 'passed' : `FAILED (exit ${code ?? 'signal'})`;
      process.stdout.write(`${output}\n── npm ${args.join(' ')}: ${verdict} in ${seconds} s\n`);
      done(code === 0);
    });
  });
}

const synced = await run(['exec', '--', 'astro', 'sync']);
const results = await Promise.all([
  run(['exec', '--', 'vitest', 'run'], true),
  run(['exec', '--', 'astro', 'check', '--noSync']),
  run(['exec', '--', 'eslint', '--max-warnings', '0', '.']).then(
    async (passed) => (await run(['exec', '--', 'prettier', '--check', '.'])) && passed,
  ),
]);
process.exitCode = synced && results.every(Boolean) ? 0 : 1;
