/**
 * npm run cms: the editors' CMS on this computer, for trying it or filing without a git host. Starts
 * decap-server (the CMS's local backend, committing to this repository's git: each story on a branch
 * of its own until it is published, as the editorial workflow does with pull requests on GitHub) and
 * the dev preview, which serves the CMS at http://localhost:4321/admin/. Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const children = [
  spawn(process.execPath, [resolve('node_modules/decap-server/dist/index.js')], {
    env: { ...process.env, MODE: 'git', GIT_REPO_DIRECTORY: process.cwd() },
    stdio: 'inherit',
  }),
  spawn('npm', ['run', 'dev'], { stdio: 'inherit' }),
];
for (const child of children) {
  child.on('exit', (code) => {
    for (const other of children) other.kill();
    process.exitCode = code ?? 1;
  });
}
