import { parentPort } from 'node:worker_threads';
import { close } from 'pagefind';
import { writeBundle } from './search-bundle.ts';
import type { BundleAsked, BundleDone } from './search-thread.ts';

/**
 * The thread of `searchThread` (search-thread.ts): writes the bundles it is asked for one at a time,
 * with a Pagefind service of its own, and closes that service when asked for nothing more.
 */
parentPort!.on('message', (asked: BundleAsked) => {
  const done = (said: BundleDone) => {
    parentPort!.postMessage(said);
  };
  if (asked === 'close') {
    void close().then(() => {
      done({ closed: true });
      parentPort!.close();
    });
    return;
  }
  writeBundle(asked.output, asked.pages).then(
    () => {
      done({ written: asked.output });
    },
    (error: unknown) => {
      done({ failed: error instanceof Error ? error.message : String(error) });
    },
  );
});
