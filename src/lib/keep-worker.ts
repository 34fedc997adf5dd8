import { parentPort, workerData } from 'node:worker_threads';
import { keepPartitionOutput } from './build-cache.ts';
import type { KeepAsked } from './keep-thread.ts';

/** The thread of `keepOnThread` (keep-thread.ts): keeps the partition's output it is given, once. */
const { cacheDir, name, output, key, pages } = workerData as KeepAsked;
keepPartitionOutput(cacheDir, name, output, key, new Set(pages));
parentPort!.postMessage('kept');
