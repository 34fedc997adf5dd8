import { Worker } from 'node:worker_threads';

/** What `keepPartitionOutput` (build-cache.ts) is given, as a thread is handed it. */
export interface KeepAsked {
  cacheDir: string;
  name: string;
  output: string;
  key: string;
  pages: string[];
}

/**
 * `keepPartitionOutput` on a thread of its own. Keeping a partition's output reads every page of it
 * for the photos it shows and links them into the cache (6–8 s for a partition of 25,000 articles):
 * on the build's thread it held up the content check, which runs there, and the last two
 * partitions of a cold build were kept one after the other once both were built, at less than one
 * core, before the merge could start.
 */
export function keepOnThread(asked: KeepAsked): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL('./keep-worker.ts', import.meta.url), { workerData: asked });
    worker.once('message', () => {
      resolve();
    });
    worker.once('error', reject);
    // After its message this does nothing; an exit without one is a failure.
    worker.once('exit', (code) => {
      reject(new Error(`keeping partition ${asked.name} stopped (exit code ${code}) before it was done`));
    });
  });
}
