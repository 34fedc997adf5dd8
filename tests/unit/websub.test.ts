import { describe, expect, test } from 'vitest';
import { absoluteUrl, feedUrl, jsonFeedUrl, tagUrl } from '../../src/lib/urls.ts';
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
} from '../../src/lib/websub.ts';

const origin = 'https://broadsheet.example';

describe('isFeedFile', () => {
  test.each([
    { path: 'rss.xml', feed: true },
    { path: 'news/world/rss.xml', feed: true },
    { path: 'tags/港口/rss.xml', feed: true },
    { path: 'feed.json', feed: true },
    { path: 'news/feed.json', feed: false },
    { path: 'rss.xsl', feed: false },
    { path: 'news/myrss.xml', feed: false },
    { path: 'news-sitemap.xml', feed: false },
    { path: 'articles/rss/index.html', feed: false },
  ])('$path is a feed: $feed', ({ path, feed }) => {
    expect(isFeedFile(path)).toBe(feed);
  });
});

describe('feedTopic', () => {
  test.each([
    { path: 'rss.xml', url: absoluteUrl(feedUrl('/'), origin) },
    { path: 'business/auto/rss.xml', url: absoluteUrl(feedUrl('/business/auto/'), origin) },
    { path: 'tags/港口/rss.xml', url: absoluteUrl(feedUrl(tagUrl('港口')), origin) },
    { path: 'feed.json', url: absoluteUrl(jsonFeedUrl, origin) },
  ])('the feed in $path is known by the URL of its self link, $url', ({ path, url }) => {
    expect(feedTopic(path, origin)).toBe(url);
  });

  test('a non-ASCII path is percent-encoded, as subscribers requested it', () => {
    expect(feedTopic('tags/港口/rss.xml', origin)).toBe(
      'https://broadsheet.example/tags/%E6%B8%AF%E5%8F%A3/rss.xml',
    );
  });
});

test('feedDigest differs for different bytes and is the same for the same bytes', () => {
  const a = feedDigest(new TextEncoder().encode('<rss>a</rss>'));
  expect(feedDigest(new TextEncoder().encode('<rss>a</rss>'))).toBe(a);
  expect(feedDigest(new TextEncoder().encode('<rss>b</rss>'))).not.toBe(a);
});

describe('changedFeeds', () => {
  const previous = { 'https://x/a': '1', 'https://x/b': '2', 'https://x/gone': '3' };

  test('lists the new and the changed feeds, sorted, but neither the unchanged nor the removed', () => {
    const current = { 'https://x/new': '9', 'https://x/b': '7', 'https://x/a': '1' };
    expect(changedFeeds(previous, current)).toEqual(['https://x/b', 'https://x/new']);
  });

  test('nothing changed: nothing to announce', () => {
    expect(changedFeeds(previous, { 'https://x/a': '1', 'https://x/b': '2' })).toEqual([]);
  });

  test('without any record every feed counts as changed', () => {
    expect(changedFeeds({}, { 'https://x/b': '2', 'https://x/a': '1' })).toEqual([
      'https://x/a',
      'https://x/b',
    ]);
  });
});

describe('recordAfter', () => {
  const previous = { 'https://x/same': 's', 'https://x/changed': 'old', 'https://x/gone': 'g' };
  const current = { 'https://x/same': 's', 'https://x/changed': 'new', 'https://x/added': 'a' };

  test('every announced feed is recorded with its new digest, and removed feeds are forgotten', () => {
    expect(recordAfter(previous, current, new Set(['https://x/changed', 'https://x/added']))).toEqual({
      'https://x/added': 'a',
      'https://x/changed': 'new',
      'https://x/same': 's',
    });
  });

  test('a feed the hub was not told of keeps its old digest, or none, so the next run tells it', () => {
    const record = recordAfter(previous, current, new Set());
    expect(record).toEqual({ 'https://x/changed': 'old', 'https://x/same': 's' });
    expect(changedFeeds(record, current)).toEqual(['https://x/added', 'https://x/changed']);
  });

  test('is sorted by URL, so the file it is written to only changes when a digest does', () => {
    const record = recordAfter(
      {},
      { 'https://x/b': '2', 'https://x/a': '1' },
      new Set(['https://x/b', 'https://x/a']),
    );
    expect(Object.keys(record)).toEqual(['https://x/a', 'https://x/b']);
  });
});

describe('publishBody', () => {
  test('is the form hub.mode=publish with the feed URL as hub.url', () => {
    expect(publishBody('https://broadsheet.example/rss.xml')).toBe(
      'hub.mode=publish&hub.url=https%3A%2F%2Fbroadsheet.example%2Frss.xml',
    );
  });

  test('a URL with a query or encoded characters reads back whole', () => {
    const topic = 'https://broadsheet.example/tags/%E6%B8%AF/rss.xml?a=1&b=2';
    const form = new URLSearchParams(publishBody(topic));
    expect([...form]).toEqual([
      ['hub.mode', 'publish'],
      ['hub.url', topic],
    ]);
  });
});

describe('parseRecord', () => {
  test('reads the record it wrote', () => {
    const record = { 'https://x/rss.xml': 'abc' };
    expect(parseRecord(JSON.stringify(record))).toEqual(record);
  });

  test.each([
    { what: 'not JSON', text: '{"https://x/rss.xml": ' },
    { what: 'a list', text: '["https://x/rss.xml"]' },
    { what: 'a digest that is not a string', text: '{"https://x/rss.xml": 3}' },
  ])('refuses $what, saying so', ({ text }) => {
    expect(() => parseRecord(text)).toThrow(/not a record of announced feeds/);
  });
});

describe('parseHub', () => {
  test.each(['https://pubsubhubbub.appspot.com/', 'http://127.0.0.1:8080/hub'])('accepts %s', (hub) => {
    expect(parseHub(hub)).toBe(hub);
  });

  test.each(['pubsubhubbub.appspot.com', 'ftp://hub.example/', ''])(
    'refuses %j with the form it needs',
    (hub) => {
      expect(() => parseHub(hub)).toThrow(/is not a hub URL: use an http\(s\) URL such as https:\/\//);
    },
  );
});

describe('announce', () => {
  const topics = ['https://x/1', 'https://x/2', 'https://x/3', 'https://x/4', 'https://x/5'];

  test('tells the hub of every feed, one request each, when it accepts them all', async () => {
    const asked: string[] = [];
    const result = await announce(topics, (topic) => {
      asked.push(topic);
      return Promise.resolve(204);
    });
    expect(asked.toSorted()).toEqual(topics);
    expect(result).toEqual({ announced: topics, refused: [], unreachable: undefined });
  });

  test('a refused feed (non-2xx) is reported and the others are still announced', async () => {
    const result = await announce(topics, (topic) => Promise.resolve(topic === 'https://x/2' ? 503 : 202));
    expect(result.announced).toEqual(['https://x/1', 'https://x/3', 'https://x/4', 'https://x/5']);
    expect(result.refused).toEqual([{ topic: 'https://x/2', status: 503 }]);
    expect(result.unreachable).toBeUndefined();
  });

  test('an unreachable hub stops the announcement: the feeds not announced are listed with the reason', async () => {
    const asked: string[] = [];
    const result = await announce(
      topics,
      (topic) => {
        asked.push(topic);
        return topic === 'https://x/1'
          ? Promise.reject(new Error('connect ECONNREFUSED'))
          : Promise.resolve(204);
      },
      1,
    );
    expect(asked).toEqual(['https://x/1']);
    expect(result.announced).toEqual([]);
    expect(result.unreachable).toEqual({ reason: 'connect ECONNREFUSED', notAnnounced: topics });
  });

  test('never has more than `concurrency` requests open at once', async () => {
    let open = 0;
    let most = 0;
    await announce(
      topics,
      async () => {
        open += 1;
        most = Math.max(most, open);
        await new Promise((resolve) => setTimeout(resolve, 5));
        open -= 1;
        return 204;
      },
      2,
    );
    expect(most).toBe(2);
  });
});
