import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';
import { readAstroLine } from '../../src/lib/astro-log.ts';
import { discardedOutput, replacedOutput } from '../../src/lib/build-cache.ts';
import { fileId, filesIn } from '../../src/lib/links.ts';
import { bundleRecords } from '../support/dist.ts';
import { fixtureIds } from '../support/fixture-site.ts';
import { bodyEdit, eventChains, layoutEdit, pageGone, pipelineEdit } from '../support/site-events.ts';
import { incrementalSite } from '../support/sites.ts';

/**
 * Incremental builds (Astro's experimental.incrementalBuild with our cache keys): after each of a
 * newsroom's events, one after another in each of three chains, the incremental build publishes
 * exactly what a full build of the same content publishes; after a body edit it re-renders only the
 * article and the feeds that carry its text, and copies every other page from the build before.
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
 * Pages of an incremental build's log (a `--verbose` build's, which shows Astro's line per page), as
 * rendered or restored from the previous build, read as the build itself reads them.
 */
function pagesOfLog(event: string): { rendered: string[]; restored: string[] } {
  const pages = readFileSync(incrementalSite.log(event), 'utf8')
    .split('\n')
    .flatMap(readAstroLine)
    .flatMap((said) => (said.kind === 'page' && !said.path.startsWith('/_astro/') ? [said] : []));
  return {
    rendered: pages.filter((page) => !page.restored).map((page) => page.path),
    restored: pages.filter((page) => page.restored).map((page) => page.path),
  };
}

/**
 * The pages and feeds an incremental build's log says the build kept from the output it replaced,
 * or Astro restored from its own cache.
 */
function filesOfLog(event: string, said: 'kept' | 'restored'): string[] {
  const line = new RegExp(`[├└]─ (\\S+) \\(${said}\\)$`);
  return stripVTControlCharacters(readFileSync(incrementalSite.log(event), 'utf8'))
    .split('\n')
    .flatMap((each) => line.exec(each)?.[1] ?? []);
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

describe.each(
  eventChains.flatMap((chain, index) =>
    chain.map((event, position) => ({
      ...event,
      before: chain[position - 1]
        ? incrementalSite.full(chain[position - 1]!.name)
        : incrementalSite.chain(index).start,
    })),
  ),
)('after the event "$name"', ({ name, shows, before }) => {
  const previous = () => before;

  test('an incremental build publishes exactly what a full build publishes, byte for byte', () => {
    const incremental = hashes(incrementalSite.incremental(name));
    expect(incremental.size).toBeGreaterThan(100);
    expect(incremental).toEqual(hashes(incrementalSite.full(name)));
  });

  test(`the event shows in ${shows} (so the comparison above compares something)`, () => {
    const file = (dir: string) => join(dir, shows);
    const [then, now] = [file(previous()), file(incrementalSite.full(name))];
    if (existsSync(then) && existsSync(now)) {
      expect(readFileSync(now, 'utf8')).not.toBe(readFileSync(then, 'utf8'));
    } else {
      expect(existsSync(then)).not.toBe(existsSync(now));
    }
  });
});

test.each(['page gone from the output', 'page gone from the output, partitioned'])(
  'after "%s", the build Astro started told of the record beside the output started again without it',
  (name) => {
    const log = stripVTControlCharacters(readFileSync(incrementalSite.log(name), 'utf8'));
    expect(log).toMatch(/A page recorded beside .* is missing from it: every page is rendered again\./);
    expect(existsSync(join(incrementalSite.incremental(name), pageGone))).toBe(true);
  },
);

describe('a partitioned build (src/lib/partitions.ts)', () => {
  const log = (name: string) => stripVTControlCharacters(readFileSync(incrementalSite.log(name), 'utf8'));
  const kept = 'Partition upto-2025 (2 of 2) is as it was at its last build: kept.';

  const partitioned = eventChains
    .slice(1)
    .flat()
    .map((event) => event.name);

  test.each(partitioned)(
    'after "%s", the chain built the archive in two partitions, one a year, the newest first',
    (name) => {
      expect(log(name)).toContain('Building partition from-2026 (1 of 2)');
      expect(log(name)).toMatch(
        /Building partition upto-2025 \(2 of 2\)|is as it was at its last build: kept/,
      );
    },
  );

  test('an older partition that shows nothing of an event is not built again, and a layout change rebuilds it', () => {
    // Its output is then the one kept from its last build, which the comparison with full builds checks.
    const keptAfter = partitioned.filter((name) => log(name).includes(kept));
    expect(keptAfter).toEqual([
      'embargo lifting',
      'photo replaced',
      'image cache lost',
      'headline edit, partitioned',
      'new article, partitioned',
      'section change, partitioned',
      'page gone from the output, partitioned',
    ]);
    expect(log('layout change')).toContain('Building partition upto-2025 (2 of 2)');
  });
});

// A build that rendered every page (here the full build after each event) shares no file with the
// output it replaced. Assembling the next build's output in that one unlinked and linked again every
// page (60 s of the first publish at 100,000 articles after a change of code), and linking the kept
// pages into an empty folder took 7 s of it: so such a build leaves a copy of its own output in links
// to assemble in, and nothing set aside to delete.
test.each(eventChains.map((_, index) => index))(
  'after a build that rendered every page, chain %i leaves a copy of its output in links to assemble in',
  (index) => {
    const { dist } = incrementalSite.chain(index);
    const files = filesIn(dist);
    expect(files.length).toBeGreaterThan(0);
    expect(filesIn(replacedOutput(dist)).sort()).toEqual(files.sort());
    const unlinked = files.filter(
      (file) => fileId(join(dist, file)) !== fileId(join(replacedOutput(dist), file)),
    );
    expect(unlinked).toEqual([]);
    expect(existsSync(discardedOutput(dist))).toBe(false);
  },
);

// The clock is the one thing that changes in every real build. Astro once wrote its value into the
// code of every page (tests/unit/env.test.ts), and so reused no page of a build with another clock.
test('after the clock moves (embargo lifting), the build still keeps the feeds the lifted article is not in', () => {
  expect(
    filesOfLog('embargo lifting', 'kept').filter((path) => path.endsWith('/rss.xml')).length,
  ).toBeGreaterThan(5);
});

// Astro read every article's photo in every build and wrote it into the output, whence all but
// those a page links to were deleted again: a build now reads only those whose file changed.
describe('the articles’ photos an incremental build reads (src/integrations/content-photos.ts)', () => {
  const photos = (event: string) => {
    const log = stripVTControlCharacters(readFileSync(incrementalSite.log(event), 'utf8'));
    const [, read = '', names = '', known = ''] =
      /Articles' photos: (\d+) read(?: \(([^)]*)\))?, (\d+) taken as the last build recorded them\./.exec(
        log,
      ) ?? [];
    return { read: Number(read), names: names.split(', '), known: Number(known) };
  };

  // Photos of one size under different names are read by every build (`samePhotos`): some of the
  // fixture's generated photos are such. Every other photo is read only when its file changes.
  test('are the one replaced, after a photo is replaced', () => {
    expect(photos('photo replaced').names).toContain('sunset.jpg');
  });

  test('are not the edited article’s after a body edit, nor most photos even with Astro’s image cache lost, whose renditions are encoded again from the originals', () => {
    expect(photos('body edit').names).not.toContain('sunset.jpg');
    for (const event of ['body edit', 'image cache lost']) {
      expect(photos(event).known).toBeGreaterThan(photos(event).read);
    }
    expect(readFileSync(incrementalSite.log('image cache lost'), 'utf8')).toMatch(
      /before: \d+kB, after: \d+kB/,
    );
  });
});

describe('what the events change', () => {
  const page = (event: string, path: string) => readFileSync(join(incrementalSite.full(event), path), 'utf8');

  test('the body edit and the layout change (a footer, the Markdown pipeline) are published', () => {
    expect(page('body edit', articlePage)).toContain(bodyEdit);
    expect(page('layout change', 'index.html')).toContain(layoutEdit);
    expect(page('photo replaced', 'index.html')).not.toContain(layoutEdit);
    expect(page('layout change', articlePage)).toContain(pipelineEdit);
    expect(page('photo replaced', articlePage)).not.toContain(pipelineEdit);
  });

  test('an unpublished article appears when its embargo lifts or it stops being a draft, not before', () => {
    const embargoed = `articles/${fixtureIds.embargoed}/index.html`;
    const draft = `articles/${fixtureIds.draft}/index.html`;
    expect(existsSync(join(incrementalSite.full('deleted article'), embargoed))).toBe(false);
    expect(existsSync(join(incrementalSite.full('embargo lifting'), embargoed))).toBe(true);
    expect(existsSync(join(incrementalSite.full('embargo lifting'), draft))).toBe(false);
    expect(existsSync(join(incrementalSite.full('draft published'), draft))).toBe(true);
  });
});

describe('an incremental build after a body edit', () => {
  test('re-renders the article and the feeds that carry its text, and keeps or restores every other page', () => {
    const { rendered, restored } = pagesOfLog('body edit');
    expect(rendered).toContain(articlePage);
    const others = rendered.filter((path) => path !== articlePage && !alwaysRendered.has(path));
    expect(others.length).toBeGreaterThan(0);
    for (const path of others) {
      expect(path).toMatch(/\/rss\.xml$/);
      expect(readFileSync(join(incrementalSite.full('body edit'), path), 'utf8')).toContain(bodyEdit);
    }
    // `restored` counts every page not rendered: those the build kept and those Astro restored.
    expect(restored.length).toBeGreaterThan(50);
  });

  // At 10,000 articles, Astro took 10 s only to copy its cached pages (docs/architecture.md, "Scale:
  // pages that did not change"): the build links them from the output it replaces instead.
  // Feeds too: Astro copied the unchanged ones from its cache, 79 MB at 10,000 articles, which the
  // step that prunes unused images then read again.
  test('asks Astro for no article, listing page or feed that does not show the edit: they are kept from the last build', () => {
    const kept = filesOfLog('body edit', 'kept');
    expect(kept.length).toBeGreaterThan(40);
    expect(kept).not.toContain(articlePage);
    expect(kept.filter((path) => path.endsWith('/rss.xml')).length).toBeGreaterThan(5);
    const restoredByAstro = filesOfLog('body edit', 'restored');
    expect(
      restoredByAstro.filter((path) => /^\/(articles|tags|authors|series)\/|rss\.xml$/.test(path)),
    ).toEqual([]);
  });

  // Astro keeps a copy of every page it renders with a cache key, and the first build that leaves
  // the page out deletes the copy, a file at a time: 13,485 of them at 10,000 articles, 5 s of the
  // build after every full render, for pages that the build keeps itself and never asks Astro to
  // restore. (The build before it here rendered every page: --force.)
  test('deletes no copy of a page from Astro’s cache: the full render before it kept none', () => {
    const log = stripVTControlCharacters(readFileSync(incrementalSite.log('body edit'), 'utf8'));
    expect(log).toMatch(/\(kept\)/);
    expect(log).not.toMatch(/Pruned \d+ stale file/);
  });

  test('leaves no feed that carries the edited text un-rendered', () => {
    const { rendered } = pagesOfLog('body edit');
    const full = incrementalSite.full('body edit');
    const feeds = [...hashes(full).keys()]
      .filter((file) => file.endsWith('rss.xml'))
      .filter((file) => readFileSync(join(full, file), 'utf8').includes(bodyEdit))
      .map((file) => `/${file}`);
    expect(feeds.length).toBeGreaterThan(0);
    expect(rendered).toEqual(expect.arrayContaining(feeds));
  });
});

// Other article pages show the article as a related story or a neighbour, and are rendered again,
// but search reads none of that (docs/architecture.md, "Cache keys"): their shards are kept.
describe.each([
  ['body edit', `articles/${fixtureIds.complete}/index.html`],
  ['headline edit', 'articles/generated-story-005/index.html'],
  ['new article', 'articles/newest-synthetic-story/index.html'],
])('an incremental build after the event "%s"', (event, changed) => {
  test("re-indexes for search only the article's own shard, and keeps the others", () => {
    const log = stripVTControlCharacters(readFileSync(incrementalSite.log(event), 'utf8'));
    const [, indexed = '', kept = ''] = /shards indexed: ([^;]*); kept: ([^.]*)\./.exec(log) ?? [];
    expect(indexed.split(' ')).toHaveLength(1);
    const urls = bundleRecords(incrementalSite.incremental(event), `/pagefind/${indexed}/`).map(
      ({ url }) => url,
    );
    expect(urls).toContain(`/${changed.replace(/index\.html$/, '')}`);
    expect(kept.split(' ').length).toBeGreaterThan(2);
  });
});

describe('an incremental build after a new article', () => {
  test('re-renders the new page, the listings and feeds it joins and its section neighbour, no other article', () => {
    const { rendered } = pagesOfLog('new article');
    const articles = rendered.filter((path) => path.startsWith('/articles/'));
    expect(articles).toContain('/articles/newest-synthetic-story/index.html');
    // The new article becomes the newer neighbour of the previous newest in its section.
    expect(articles.length).toBeLessThanOrEqual(2);
  });
});
