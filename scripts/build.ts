/**
 * npm run build: the production build of content/ into dist/.
 * Further steps (search index, output checks) are added here, so one command does the whole build.
 */
import { spawnSync } from 'node:child_process';

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('astro', ['build', ...process.argv.slice(2)]);
