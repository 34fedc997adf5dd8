import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { site } from '../../src/site.config.ts';

/**
 * `npm run notify` as a child process against a stub WebSub hub (node:http, recording each request)
 * and a small dist/ written here: no site build needed. The child must be asynchronous (execFile,
 * not spawnSync), or the stub could not answer while the test waits.
 */

interface HubRequest {
  method: string | undefined;
  type: string | undefined;
  form: [string, string][];
}

/** A hub answering every request with `status`, or never answering. */
async function stubHub(status: number | 'never') {
  const requests: HubRequest[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      requests.push({
        method: request.method,
        type: request.headers['content-type'],
        form: [...new URLSearchParams(body)],
      });
      if (status !== 'never') response.writeHead(status).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const close = () =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => {
        done();
      });
    });
  /** The feed URLs the hub was told of, sorted. */
  const pinged = () => requests.map((each) => each.form.find(([key]) => key === 'hub.url')?.[1]).sort();
  return { url, requests, pinged, close };
}

/** The URL of a port nothing listens on: connections to it are refused. */
async function deadHub(): Promise<string> {
  const { url, close } = await stubHub(204);
  await close();
  return url;
}

let root: string;
let dist: string;
const hubs: { close: () => Promise<void> }[] = [];

function write(path: string, text: string) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
}

function notify(hub: string, ...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = execFile(
      process.execPath,
      [resolve('scripts/notify.ts'), '--outDir', dist, '--hub', hub, ...args],
      { cwd: root, encoding: 'utf8' },
      (_error, stdout, stderr) => {
        done({ code: child.exitCode, stdout, stderr });
      },
    );
  });
}

const feed = (name: string) => `${site.url}/${name}`;
const everyFeed = [
  feed('feed.json'),
  feed('news/rss.xml'),
  feed('rss.xml'),
  `${site.url}/tags/%E6%B8%AF%E5%8F%A3/rss.xml`,
];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'broadsheet-notify-'));
  dist = join(root, 'dist');
  write('index.html', '<!doctype html><title>Front</title>');
  write('articles/one/index.html', '<!doctype html><title>One</title>');
  write('rss.xsl', '<xsl:stylesheet/>');
  write('news-sitemap.xml', '<urlset/>');
  write('rss.xml', '<rss>site: one</rss>');
  write('news/rss.xml', '<rss>news: one</rss>');
  write('tags/港口/rss.xml', '<rss>harbour: one</rss>');
  write('feed.json', '{"items":["one"]}');
});

afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
  rmSync(root, { recursive: true, force: true });
});

async function liveHub(status: number | 'never' = 204) {
  const hub = await stubHub(status);
  hubs.push(hub);
  return hub;
}

describe('npm run notify', () => {
  test('the first run announces every feed, one publish form per feed, and nothing else', async () => {
    const hub = await liveHub();
    const { code, stdout } = await notify(hub.url);
    expect(code).toBe(0);
    expect(hub.pinged()).toEqual(everyFeed);
    for (const request of hub.requests) {
      expect(request.method).toBe('POST');
      expect(request.type).toBe('application/x-www-form-urlencoded');
      expect(request.form.map(([key]) => key)).toEqual(['hub.mode', 'hub.url']);
      expect(request.form[0]).toEqual(['hub.mode', 'publish']);
    }
    expect(stdout).toContain(`told ${hub.url} of 4 changed feeds`);
  }, 30_000);

  test('a second run with nothing changed pings nothing', async () => {
    const hub = await liveHub();
    await notify(hub.url);
    const first = hub.requests.length;
    const { code, stdout } = await notify(hub.url);
    expect(code).toBe(0);
    expect(hub.requests).toHaveLength(first);
    expect(stdout).toContain('no feed has changed since the last announcement');
  }, 30_000);

  test('after a new build only the changed and the new feeds are announced, not pages or removed feeds', async () => {
    const hub = await liveHub();
    await notify(hub.url);
    hub.requests.length = 0;
    write('rss.xml', '<rss>site: two, one</rss>');
    write('news/rss.xml', '<rss>news: two, one</rss>');
    write('series/new-series/rss.xml', '<rss>series: two</rss>');
    write('articles/two/index.html', '<!doctype html><title>Two</title>');
    write('index.html', '<!doctype html><title>Front, with two</title>');
    rmSync(join(dist, 'tags'), { recursive: true });
    const { code } = await notify(hub.url);
    expect(code).toBe(0);
    expect(hub.pinged()).toEqual([feed('news/rss.xml'), feed('rss.xml'), feed('series/new-series/rss.xml')]);
  }, 30_000);

  test.each([
    { hub: 'refusing connections', start: deadHub, warning: /could not be reached \(connect ECONNREFUSED/ },
    {
      hub: 'never answering',
      start: async () => (await liveHub('never')).url,
      warning: /could not be reached \(no answer within 0\.5 s\)/,
      args: ['--timeout', '0.5'],
    },
    {
      hub: 'answering 503',
      start: async () => (await liveHub(503)).url,
      warning: /refused https:\/\/\S+\/rss\.xml \(HTTP 503\)/,
    },
  ])(
    'a hub $hub only warns, exits 0, and the feeds are announced at the next run',
    async ({ start, warning, args = [] }) => {
      const { code, stderr } = await notify(await start(), ...args);
      expect(code).toBe(0);
      expect(stderr).toMatch(warning);
      expect(stderr).toContain('The deploy itself is fine');
      const hub = await liveHub();
      await notify(hub.url);
      expect(hub.pinged()).toEqual(everyFeed);
    },
    30_000,
  );

  test('a record it cannot read is reported, and every feed is announced again', async () => {
    writeFileSync(`${dist}.websub.json`, '{"truncated": ');
    const hub = await liveHub();
    const { code, stderr } = await notify(hub.url);
    expect(code).toBe(0);
    expect(stderr).toMatch(/dist\.websub\.json is not a record of announced feeds/);
    expect(hub.pinged()).toEqual(everyFeed);
  }, 30_000);

  test('without a built site it stops with exit 1, telling the hub nothing', async () => {
    rmSync(dist, { recursive: true });
    const hub = await liveHub();
    const { code, stderr } = await notify(hub.url);
    expect(code).toBe(1);
    expect(stderr).toContain(`There is no built site at ${dist}`);
    expect(hub.requests).toEqual([]);
  }, 30_000);
});
