import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, inject, test } from 'vitest';
import { site } from '../../src/site.config.ts';
import { filesIn, jsonLd, readText } from '../support/dist.ts';
import {
  editPair,
  emptySite,
  fixtureSite,
  gatingSites,
  incrementalSite,
  newsroomSite,
  randomSite,
  seedSite,
} from '../support/sites.ts';

const sites = {
  fixture: fixtureSite.dist,
  "newsroom's own content/": newsroomSite(inject('newsroomNow')).dist,
  'frozen seed': seedSite.dist,
  'random-content': randomSite.dist,
};

/** Root-relative URLs a page links to or loads: href, src and every srcset candidate. */
function localUrls(html: string): string[] {
  const $ = load(html);
  const urls = [
    ...$('[href]')
      .toArray()
      .map((element) => $(element).attr('href') ?? ''),
    ...$('[src]')
      .toArray()
      .map((element) => $(element).attr('src') ?? ''),
    ...$('[srcset]')
      .toArray()
      .flatMap((element) =>
        ($(element).attr('srcset') ?? '')
          .split(',')
          .map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''),
      ),
  ];
  return urls
    .filter((url) => url.startsWith('/') && !url.startsWith('//'))
    .map((url) => url.split(/[?#]/)[0] ?? url);
}

/** Every string in a JSON value, at any depth. */
function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

/**
 * Every attribute value and leaf element text of an XML document (feeds and sitemaps have no mixed
 * content), entities and CDATA decoded: HTML in a feed item stays HTML.
 */
function xmlStrings(xml: string): string[] {
  const $ = load(xml, { xml: true });
  return $('*')
    .toArray()
    .flatMap((element) => [
      ...Object.values($(element).attr() ?? {}),
      ...($(element).children().length === 0 ? [$(element).text()] : []),
    ]);
}

/** The paths of the same-site absolute URLs in `strings`, without query or fragment. */
function sameSitePaths(strings: string[]): string[] {
  const origin = site.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const url = new RegExp(`${origin}(/[^\\s"'<>()]*)`, 'g');
  return strings.flatMap((text) => [...text.matchAll(url)].map((match) => match[1]!.split(/[?#]/)[0]!));
}

/**
 * What a built site tells feed readers, crawlers and search engines about, file by file: the same-site
 * URLs in every RSS feed, the JSON Feed, the sitemaps and every page's JSON-LD.
 */
function announcedPaths(dist: string): [string, string[]][] {
  return filesIn(dist).flatMap((file): [string, string[]][] => {
    if (file.endsWith('.xml')) return [[file, sameSitePaths(xmlStrings(readText(dist, file)))]];
    if (file.endsWith('feed.json'))
      return [[file, sameSitePaths(jsonStrings(JSON.parse(readText(dist, file))))]];
    if (file.endsWith('.html'))
      return [[file, sameSitePaths(jsonStrings(jsonLd(load(readText(dist, file)))))]];
    return [];
  });
}

/** Whether a root-relative URL is a file of the built site (a page URL is its index.html). */
const built = (dist: string, url: string) =>
  existsSync(join(dist, decodeURIComponent(url.endsWith('/') ? `${url}index.html` : url)));

/** The HTML pages of a built site, relative to it. */
const htmlPages = (dist: string) => filesIn(dist).filter((file) => file.endsWith('.html'));

/** One message of the W3C Nu checker's JSON report. */
interface NuMessage {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/**
 * The W3C Nu checker's errors for every page of every site, from a single Java run: starting Java and
 * loading the checker's schemas costs seconds each time. Output that is not its report (Java missing,
 * a crash) becomes one error that names no page.
 */
const nuErrors = (() => {
  let messages: NuMessage[] | undefined;
  return () => {
    if (messages) return messages;
    const jar = join('node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
    const pages = Object.values(sites).flatMap((dist) => htmlPages(dist).map((file) => join(dist, file)));
    const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...pages], {
      encoding: 'utf8',
    });
    try {
      messages = (JSON.parse(run.stderr) as { messages: NuMessage[] }).messages;
    } catch {
      messages = [{ type: 'error', message: `${run.stdout}${run.stderr}`.trim() || String(run.error) }];
    }
    return messages;
  };
})();

describe.each(Object.entries(sites))('the %s site', (_, dist) => {
  const pages = htmlPages(dist);

  test('every internal link and image resolves to a built file', () => {
    const broken = pages.flatMap((file) =>
      localUrls(readText(dist, file))
        .filter((url) => !built(dist, url))
        .map((url) => `${file} → ${url}`),
    );
    expect(pages.length).toBeGreaterThan(5);
    expect([...new Set(broken)]).toEqual([]);
  });

  test('every page is valid HTML according to the W3C Nu checker', () => {
    // An error that names no page (Java missing, a crash) counts against every site.
    const errors = nuErrors().filter((each) => each.url === undefined || each.url.includes(`${dist}/`));
    expect(errors.map((each) => `${each.url ?? ''}:${each.lastLine ?? ''}: ${each.message}`)).toEqual([]);
  });
});

/** Every site the suite builds, for what must hold on any of them. */
const everySite = {
  ...sites,
  'gating (before its embargo)': gatingSites.before.dist,
  'gating (after its embargo)': gatingSites.after.dist,
  'edit pair (before)': editPair.before.dist,
  'edit pair (after)': editPair.after.dist,
  'empty newsroom': emptySite.dist,
  'incremental (first build)': incrementalSite.chain(0).start,
};

test.each(Object.entries(everySite))(
  'on the %s site, every same-site URL in a feed, a sitemap or JSON-LD resolves to a built file',
  (_, dist) => {
    const announced = announcedPaths(dist);
    const broken = announced.flatMap(([file, urls]) =>
      urls.filter((url) => !built(dist, url)).map((url) => `${file} → ${url}`),
    );
    expect(announced.flatMap(([, urls]) => urls).length).toBeGreaterThan(0);
    expect([...new Set(broken)]).toEqual([]);
  },
);
