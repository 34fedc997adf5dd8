import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { childEnv, outputRoot } from './build-site.ts';

/**
 * A built site served by Cloudflare's own Pages runtime (`wrangler pages dev`, workerd from npm), so
 * that tests see what the host does with `_redirects` and `_headers`, not what we think it does.
 * It runs offline: Wrangler's failure to fetch Cloudflare's request metadata is only a warning.
 */

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => {
        done(port);
      });
    });
    server.on('error', fail);
  });
}

/** Serves `dir` with `wrangler pages dev` until `close` is called; resolves once it answers. */
export async function servePagesDev(dir: string): Promise<{ url: string; close: () => void }> {
  const [port, inspector] = [await freePort(), await freePort()];
  // Wrangler keeps its state in .wrangler/ under its working folder: the suite's, not the project's.
  const cwd = join(outputRoot, 'wrangler');
  mkdirSync(cwd, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      resolve('node_modules/wrangler/bin/wrangler.js'),
      'pages',
      'dev',
      dir,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspector),
      '--compatibility-date',
      '2026-11-17',
      '--show-interactive-dev-session=false',
    ],
    {
      cwd,
      env: childEnv({ WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that close() stops workerd with it.
      detached: true,
    },
  );
  let log = '';
  for (const stream of [child.stdout, child.stderr])
    stream.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  const close = () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler pages dev exited:\n${log}`);
    try {
      await fetch(url, { redirect: 'manual' });
      return { url, close };
    } catch {
      await new Promise((done) => setTimeout(done, 250));
    }
  }
  close();
  throw new Error(`wrangler pages dev did not answer within 90 s:\n${log}`);
}
