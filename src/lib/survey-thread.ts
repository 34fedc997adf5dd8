import { Worker } from 'node:worker_threads';
import type { FileId } from './links.ts';

/** The last survey asked for: one thread surveys at a time, beside a build on two cores. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * `surveyFolder` on a thread of its own, for a build whose thread has other work meanwhile: the
 * build script surveys the outputs it will assemble in while Astro builds, beside the content
 * check, which needs the build's thread (at 100,000 articles, 135,000 files in 100,000 folders).
 * Surveys asked for together run one after another, on one thread at a time.
 */
export function surveyOnThread(folder: string): Promise<Map<string, FileId>> {
  const survey = queue.then(
    () =>
      new Promise<Map<string, FileId>>((resolve, reject) => {
        const worker = new Worker(new URL('./survey-worker.ts', import.meta.url), { workerData: folder });
        worker.once('message', resolve);
        worker.once('error', reject);
        // After its message this does nothing; an exit without one is a failure.
        worker.once('exit', (code) => {
          reject(new Error(`the survey of ${folder} stopped (exit code ${code}) before it was done`));
        });
      }),
  );
  queue = survey.catch(() => undefined);
  return survey;
}
