import { createHash } from 'node:crypto';
import { z } from 'astro/zod';
import { absoluteUrl, feedUrl, jsonFeedUrl } from './urls.ts';

/**
 * WebSub publishing (https://www.w3.org/TR/websub/): after a deploy, `npm run notify` tells the hub
 * which feeds changed, and the hub fetches them and pushes them to subscribers' readers at once.
 * What changed is decided by digest: the record beside dist/ holds the digest of every feed as last
 * announced, so a run with nothing new announces nothing, and a feed the hub was not told of (hub
 * down) is still "changed" at the next run. Drafts and embargoed articles are in no feed of a
 * production build (docs/architecture.md, guarantee 1), so no ping can reveal one.
 */

/** Digest of every feed, by the URL subscribers know it by. */
export type FeedDigests = Record<string, string>;

/** The feeds' file name in the built site (every listing's rss.xml) and the site's JSON Feed. */
const rssFile = feedUrl('/').slice(1);
const jsonFeedFile = jsonFeedUrl.slice(1);

/** Whether a file of the built site (its path under dist/, with forward slashes) is a feed. */
export function isFeedFile(path: string): boolean {
  return path === jsonFeedFile || path === rssFile || path.endsWith(`/${rssFile}`);
}

/**
 * The URL of the feed built at `path` under dist/: the one its self link gives (`feedChannel`,
 * `jsonFeed`), which is what subscribers subscribed to and so what the hub must be told of.
 */
export function feedTopic(path: string, siteUrl: string): string {
  return absoluteUrl(`/${path}`, siteUrl);
}

/** A feed file's digest. Builds are reproducible (guarantee 5): an unchanged feed keeps its digest. */
export function feedDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The feeds of `current` that are new or changed since `previous`, sorted. */
export function changedFeeds(previous: FeedDigests, current: FeedDigests): string[] {
  return Object.keys(current)
    .filter((topic) => previous[topic] !== current[topic])
    .sort();
}

/**
 * The record to keep after announcing: the new digest of every feed the hub was told of or that did
 * not change, the old one (or none) of a feed it was not told of, so the next run announces it;
 * feeds no longer built are forgotten.
 */
export function recordAfter(
  previous: FeedDigests,
  current: FeedDigests,
  announced: ReadonlySet<string>,
): FeedDigests {
  const record: FeedDigests = {};
  for (const topic of Object.keys(current).sort()) {
    const digest = announced.has(topic) ? current[topic] : previous[topic];
    if (digest !== undefined) record[topic] = digest;
  }
  return record;
}

const recordSchema = z.record(z.string(), z.string());

/** Reads a record written by `recordAfter`; throws, saying why, on anything else. */
export function parseRecord(text: string): FeedDigests {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not a record of announced feeds: ${(error as Error).message}`, { cause: error });
  }
  const parsed = recordSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error('not a record of announced feeds: expected an object of feed URLs and digests');
  }
  return parsed.data;
}

/** The hub's URL, checked: an absolute http or https URL. */
export function parseHub(text: string): string {
  const url = URL.parse(text);
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new Error(
      `"${text}" is not a hub URL: use an http(s) URL such as https://pubsubhubbub.appspot.com/`,
    );
  }
  return text;
}

/**
 * The body of a publish request for one feed, sent as application/x-www-form-urlencoded. WebSub
 * leaves publishing to each hub; this is PubSubHubbub 0.3's form, which Google's hub and the others
 * in use accept (https://pubsubhubbub.github.io/PubSubHubbub/pubsubhubbub-core-0.3.html). 0.3 lets
 * one request repeat hub.url, but not every hub reads more than the first, so it is one per feed.
 */
export function publishBody(topic: string): string {
  return new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString();
}

/** What the hub was told. */
export interface Announcement {
  /** Feeds the hub accepted (2xx), sorted. */
  announced: string[];
  /** Feeds the hub answered with another status, sorted. */
  refused: { topic: string; status: number }[];
  /** Set when a request got no answer (refused connection, timeout): why, and the feeds not announced. */
  unreachable: { reason: string; notAnnounced: string[] } | undefined;
}

/**
 * Tells the hub of each feed with `ping` (which resolves to the HTTP status, or rejects when there
 * is no answer), `concurrency` requests at a time. A refusal concerns one feed, so the others go on;
 * no answer means the hub is down, so no further request is started: waiting out a timeout for each
 * of a thousand tag feeds would hold up the deploy for nothing.
 */
export async function announce(
  topics: readonly string[],
  ping: (topic: string) => Promise<number>,
  concurrency = 4,
): Promise<Announcement> {
  const announced: string[] = [];
  const refused: Announcement['refused'] = [];
  let reason: string | undefined;
  const queue = [...topics];
  const worker = async () => {
    for (let topic = queue.shift(); topic !== undefined && reason === undefined; topic = queue.shift()) {
      try {
        const status = await ping(topic);
        if (status >= 200 && status < 300) announced.push(topic);
        else refused.push({ topic, status });
      } catch (error) {
        reason ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, topics.length) }, worker));
  const answered = new Set([...announced, ...refused.map((each) => each.topic)]);
  return {
    announced: announced.sort(),
    refused: refused.sort((a, b) => (a.topic < b.topic ? -1 : 1)),
    unreachable:
      reason === undefined
        ? undefined
        : { reason, notAnnounced: topics.filter((topic) => !answered.has(topic)) },
  };
}
