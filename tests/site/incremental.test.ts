import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';
import { shardOf } from '../../src/lib/search-shards';
import { fixtureIds } from '../support/fixture-site';
import { incrementalSite } from '../support/sites';

/**
 * Incremental builds (Astro's experimental.incrementalBuild with our cache keys): after one article's
 * body is edited, the build re-renders that article and the feeds that carry its text, copies every
 * other page from the previous build, and publishes exactly what a full build would.
 */

function hashes(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    files
      .map((entry) => join(entry.parentPath, entry.name))
      .map(
        (file) =>
          [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')] as const,
      )
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/**
 * Pages of the incremental build's log, as rendered or restored from the previous build. Astro colours
 * the log when the environment asks for colour (as CI's does), so the codes are stripped first.
 */
function pagesOfLog(): { rendered: string[]; restored: string[] } {
  const log = stripVTControlCharacters(readFileSync(incrementalSite.log, 'utf8'));
  const pages = [...log.matchAll(/[├└]─ (\S+)(.*)$/gm)].filter(([, path]) => !path!.startsWith('/_astro/'));
  return {
    rendered: pages.filter(([, , rest]) => !/\((restored|cached)\)/.test(rest!)).map(([, path]) => path!),
    restored: pages.filter(([, , rest]) => /\((restored|cached)\)/.test(rest!)).map(([, path]) => path!),
  };
}

/** Routes without getStaticPaths, which Astro renders in every build. */
const alwaysRendered = new Set([
  '/index.html',
  '/404.html',
  '/archive/index.html',
  '/search/index.html',
  '/feed.json',
  '/news-sitemap.xml',
  '/robots.txt',
]);
const articlePage = `/articles/${fixtureIds.complete}/index.html`;

describe('an incremental build after one edit', () => {
  test('publishes exactly what a full build of the edited content publishes, byte for byte', () => {
    const edited = hashes(incrementalSite.edited);
    expect(edited.size).toBeGreaterThan(200);
    expect(edited).toEqual(hashes(incrementalSite.clean));
  });

  test('the edit is published (so the comparison above compares something)', () => {
    const page = (dir: string) => readFileSync(join(dir, articlePage), 'utf8');
    expect(page(incrementalSite.first)).not.toContain(incrementalSite.edit);
    expect(page(incrementalSite.edited)).toContain(incrementalSite.edit);
  });

  test('re-renders the article and the feeds that carry its text, and restores every other page', () => {
    const { rendered, restored } = pagesOfLog();
    expect(rendered).toContain(articlePage);
    const others = rendered.filter((path) => path !== articlePage && !alwaysRendered.has(path));
    expect(others.length).toBeGreaterThan(0);
    for (const path of others) {
      expect(path).toMatch(/\/rss\.xml$/);
      expect(readFileSync(join(incrementalSite.edited, path), 'utf8')).toContain(incrementalSite.edit);
    }
    expect(restored.length).toBeGreaterThan(100);
  });

  test('leaves no feed that carries the edited text un-rendered', () => {
    const { rendered } = pagesOfLog();
    const feeds = [...hashes(incrementalSite.clean).keys()]
      .filter((file) => file.endsWith('rss.xml'))
      .filter((file) =>
        readFileSync(join(incrementalSite.clean, file), 'utf8').includes(incrementalSite.edit),
      )
      .map((file) => `/${file}`);
    expect(feeds.length).toBeGreaterThan(0);
    expect(rendered).toEqual(expect.arrayContaining(feeds));
  });

  test("re-indexes for search only the edited article's shard, and keeps the others", () => {
    const log = stripVTControlCharacters(readFileSync(incrementalSite.log, 'utf8'));
    const [, indexed, kept] = /shards indexed: ([^;]*); kept: ([^.]*)\./.exec(log) ?? [];
    expect(indexed).toBe(shardOf(`articles/${fixtureIds.complete}/index.html`));
    expect(kept!.split(' ').length).toBeGreaterThan(2);
  });
});
