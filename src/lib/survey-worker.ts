import { parentPort, workerData } from 'node:worker_threads';
import { surveyFolder } from './links.ts';

/** The thread of `surveyOnThread` (survey-thread.ts): surveys the folder it is given, once. */
parentPort!.postMessage(surveyFolder(workerData as string));
