import { parentPort } from 'node:worker_threads';
import { close } from 'pagefind';
import { indexShardFromSite } from './search-bundle.ts';
import type { ShardAsked, ShardDone } from './search-thread.ts';

/**
 * The thread of `searchThread` (search-thread.ts): indexes the shards it is asked for one at a time,
 * with a Pagefind service of its own, and closes that service when asked for nothing more.
 */
parentPort!.on('message', (asked: ShardAsked) => {
  const done = (said: ShardDone) => {
    parentPort!.postMessage(said);
  };
  if (asked === 'close') {
    void close().then(() => {
      done({ closed: true });
      parentPort!.close();
    });
    return;
  }
  indexShardFromSite(asked).then(
    () => {
      done({ indexed: asked.output });
    },
    (error: unknown) => {
      done({ failed: error instanceof Error ? error.message : String(error) });
    },
  );
});
