import { parentPort, workerData } from 'node:worker_threads';
import { linkCopy, surveyFolder } from './links.ts';

/**
 * The thread of `surveyOnThread` (survey-thread.ts): surveys the folder it is given, once, or makes
 * it a copy of `from` in links first.
 */
const { folder, from } = workerData as { folder: string; from?: string };
parentPort!.postMessage(from === undefined ? surveyFolder(folder) : linkCopy(from, folder));
