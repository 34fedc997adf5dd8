/**
 * npm run notify [-- --outDir DIR] [--hub URL] [--timeout SECONDS]: run after each deploy of DIR
 * (default dist). Tells the WebSub hub (`websubHub` in src/site.config.ts, or --hub) of every feed
 * whose content changed since the last announcement, one request per feed, so subscribers' readers
 * fetch the news at once instead of at their next poll.
 *
 * What was announced is kept beside the site, in DIR.websub.json (the digest of each feed); a feed
 * the hub did not accept is left out of it and so announced again next time. A hub that is down,
 * slow (--timeout, default 10 s) or refusing only warns and exits 0: the deploy has happened, and
 * readers still get the story when they next poll.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { besideOutput } from '../src/lib/build-report.ts';
import { site } from '../src/site.config.ts';
import {
  announce,
  changedFeeds,
  feedDigest,
  feedTopic,
  isFeedFile,
  parseHub,
  parseRecord,
  publishBody,
  recordAfter,
} from '../src/lib/websub.ts';
import type { FeedDigests } from '../src/lib/websub.ts';

const usage = 'Usage: npm run notify [-- --outDir DIR] [--hub URL] [--timeout SECONDS]';
let options;
let hub: string | false;
let timeoutSeconds: number;
try {
  ({ values: options } = parseArgs({
    options: {
      outDir: { type: 'string', default: 'dist' },
      hub: { type: 'string' },
      timeout: { type: 'string', default: '10' },
    },
  }));
  const configured = options.hub ?? site.websubHub;
  hub = configured === false ? false : parseHub(configured);
  timeoutSeconds = Number(options.timeout);
  if (!(timeoutSeconds > 0 && Number.isFinite(timeoutSeconds))) {
    throw new Error(`--timeout must be a number of seconds above 0, e.g. 10, not "${options.timeout}"`);
  }
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (hub === false) {
  console.log('WebSub is switched off (websubHub: false in src/site.config.ts): no hub was told.');
  process.exit(0);
}
const hubUrl = hub;

const outDir = resolve(options.outDir);
if (!existsSync(outDir)) {
  console.error(`✗ There is no built site at ${outDir}: build and deploy it, then notify.`);
  process.exit(1);
}
const recordFile = besideOutput(outDir, 'websub.json');

const current: FeedDigests = {};
for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
  const path = relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/');
  if (entry.isFile() && isFeedFile(path)) {
    current[feedTopic(path, site.url)] = feedDigest(readFileSync(join(outDir, path)));
  }
}

let previous: FeedDigests = {};
if (existsSync(recordFile)) {
  try {
    previous = parseRecord(readFileSync(recordFile, 'utf8'));
  } catch (error) {
    console.warn(`⚠ ${recordFile} is ${(error as Error).message}; every feed counts as changed.`);
  }
} else {
  console.log(`No earlier announcement recorded (${recordFile}): every feed counts as changed.`);
}

const changed = changedFeeds(previous, current);
if (changed.length === 0) {
  console.log('WebSub: no feed has changed since the last announcement; the hub was not pinged.');
  process.exit(0);
}

/** One publish request; resolves to the hub's HTTP status, rejects with a readable reason. */
async function ping(topic: string): Promise<number> {
  try {
    const response = await fetch(hubUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: publishBody(topic),
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
    });
    // The answer's body says nothing we use; reading it to the end frees the connection.
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    const { name, message, cause } = error as Error;
    // fetch reports every network failure as "fetch failed"; the cause says which.
    throw new Error(
      name === 'TimeoutError'
        ? `no answer within ${timeoutSeconds} s`
        : cause instanceof Error
          ? cause.message
          : message,
      { cause: error },
    );
  }
}

const result = await announce(changed, ping);
writeFileSync(
  recordFile,
  `${JSON.stringify(recordAfter(previous, current, new Set(result.announced)), null, 2)}\n`,
);

if (result.announced.length > 0) {
  console.log(
    `WebSub: told ${hubUrl} of ${result.announced.length} changed feed${result.announced.length === 1 ? '' : 's'}:\n` +
      result.announced.map((topic) => `  ${topic}`).join('\n'),
  );
}
for (const { topic, status } of result.refused) {
  console.warn(
    `⚠ WebSub: ${hubUrl} refused ${topic} (HTTP ${status}); it is announced again after the next deploy.`,
  );
}
if (result.unreachable) {
  const { reason, notAnnounced } = result.unreachable;
  console.warn(
    `⚠ WebSub: ${hubUrl} could not be reached (${reason}); ${notAnnounced.length} changed feed${notAnnounced.length === 1 ? ' was' : 's were'} not announced and will be after the next deploy.`,
  );
}
if (result.refused.length > 0 || result.unreachable) {
  console.warn('  The deploy itself is fine: subscribers get the news when their readers next poll.');
}
