import { Worker } from 'node:worker_threads';
import type { ShardFromSite } from './search-bundle.ts';

/** What the thread is asked: a shard to index (search-bundle.ts), or to close its Pagefind. */
export type ShardAsked = ShardFromSite | 'close';
/** What it answers, once for each. */
export type ShardDone = { indexed: string } | { failed: string } | { closed: true };

/** A thread with a Pagefind service of its own, which indexes the shards it is given in turn. */
export interface SearchThread {
  /** `indexShardFromSite(shard)` on the thread: its pages linked there, its bundle written there. */
  index(shard: ShardFromSite): Promise<void>;
  /** Closes its Pagefind service, and the thread. */
  close(): Promise<void>;
}

/**
 * A second Pagefind, for the shards indexed two at a time. One Pagefind service reads the pages of
 * one index at a time, whatever it is asked meanwhile: two shards of 12,500 pages of the
 * 100,000-article bench took 30.4–30.6 s in one service, 25.3–27.9 s in a service each (measured
 * on 6 December 2026, 2 cores).
 */
export function searchThread(): SearchThread {
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url));
  // One question at a time, each answered in turn.
  let waiting: ((said: ShardDone) => void) | undefined;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    waiting?.({ failed: failure.message });
  };
  worker.on('message', (said: ShardDone) => waiting?.(said));
  worker.on('error', fail);
  worker.on('exit', (code) => {
    fail(new Error(`the search index's thread stopped (exit code ${code})`));
  });
  const ask = (asked: ShardAsked) =>
    new Promise<ShardDone>((answer) => {
      if (failure) {
        answer({ failed: failure.message });
        return;
      }
      waiting = answer;
      worker.postMessage(asked);
    });
  return {
    async index(shard) {
      const said = await ask(shard);
      if ('failed' in said) throw new Error(said.failed);
    },
    async close() {
      // Its exit after that is no failure.
      worker.removeAllListeners('exit');
      worker.once('exit', () => waiting?.({ closed: true }));
      if (!failure) await ask('close');
      await worker.terminate();
    },
  };
}
