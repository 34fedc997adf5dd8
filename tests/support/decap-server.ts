import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { childEnv } from './build-site.ts';

/** A free loopback port. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

/**
 * decap-server (npm) on the git repository `repo`, as `npm run cms` starts it: the CMS's local
 * backend, which commits each saved story on a branch and merges it on publishing, as a git host's
 * editorial workflow does with pull requests.
 */
export async function startDecapServer(repo: string): Promise<{ api: string; close: () => void }> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve('node_modules/decap-server/dist/index.js')], {
    cwd: repo,
    env: childEnv({ MODE: 'git', GIT_REPO_DIRECTORY: repo, PORT: String(port), BIND_HOST: '127.0.0.1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((ready, fail) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('listening on')) ready();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('exit', (code) => {
      fail(new Error(`decap-server exited (${String(code)}):\n${output}`));
    });
  });
  return {
    api: `http://127.0.0.1:${port}/api/v1`,
    close: () => child.kill(),
  };
}
