/**
 * npm test: every check at once, so that both cores of a small CI machine stay busy: the type check
 * (`npm run check`) and the lint (`npm run lint`) run beside vitest, whose global setup spends minutes
 * building sites. vitest's output streams as it comes; each other command's output is printed whole
 * when it ends. The run fails if any command fails.
 */
import { spawn } from 'node:child_process';

/** Runs npm with `args`, streaming its output or holding it until it ends; resolves to whether it passed. */
function run(args: string[], stream: boolean): Promise<boolean> {
  const started = Date.now();
  const child = spawn('npm', args, { stdio: stream ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((done) => {
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const verdict = code === 0 ? 'passed' : `FAILED (exit ${code ?? 'signal'})`;
      process.stdout.write(`${stream ? '' : output}\n── npm ${args.join(' ')}: ${verdict} in ${seconds} s\n`);
      done(code === 0);
    });
  });
}

const results = await Promise.all([
  run(['exec', '--', 'vitest', 'run'], true),
  run(['run', 'check'], false),
  run(['run', 'lint'], false),
]);
process.exitCode = results.every(Boolean) ? 0 : 1;
