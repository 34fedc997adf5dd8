import { describe, expect, test } from 'vitest';
import { formatAstroSummary, readAstroLine } from '../../src/lib/astro-log.ts';

/**
 * `npm run build` reads Astro's log line by line: pages and images are counted, Astro's steps and
 * timings dropped, and everything else (warnings, errors, notices) shown as it is. The lines are
 * Astro 7's, as `astro build` prints them, with and without colour.
 */

const colour = (code: number, text: string) => `\u001b[${code}m${text}\u001b[39m`;
const page = (path: string, restored = false) => ({ kind: 'page' as const, path, restored });

describe('readAstroLine', () => {
  test.each([
    { line: '15:25:52   ├─ /404.html (+35ms) ', read: { kind: 'page', path: '/404.html', restored: false } },
    {
      line: '15:25:52   ├─ /articles/a/index.html (restored)',
      read: { kind: 'page', path: '/articles/a/index.html', restored: true },
    },
    // The build's own line for a page it linked from the last build without asking Astro for it.
    {
      line: '  ├─ /articles/b/index.html (kept)',
      read: { kind: 'page', path: '/articles/b/index.html', restored: true },
    },
    {
      line: '15:25:52   └─ /tags/港口/rss.xml (cached)',
      read: { kind: 'page', path: '/tags/港口/rss.xml', restored: true },
    },
    {
      line: `\u001b[2m15:25:52\u001b[22m   ${colour(32, '├─')} \u001b[2m/business/index.html\u001b[22m ${colour(32, '(restored)')}`,
      read: { kind: 'page', path: '/business/index.html', restored: true },
    },
    {
      line: '15:35:22   ▶ /_astro/lead-photo.CmwXUafE_Z1rlQCm.jpeg (before: 28kB, after: 28kB) (+126ms) (1/38)',
      read: { kind: 'image', reused: false },
    },
    {
      line: '15:25:52   ▶ /_astro/sunset.DZcH1T88_ZKRwnt.jpeg (reused cache entry) (+1ms) (1/89)',
      read: { kind: 'image', reused: true },
    },
    {
      line: '15:25:52   ▶ /_astro/sunset.DZcH1T88_ZKRwnt.jpeg (revalidated cache entry) (+1ms) (1/89)',
      read: { kind: 'image', reused: true },
    },
  ])('$line', ({ line, read }) => {
    expect(readAstroLine(line)).toEqual([read]);
  });

  // Astro renders several pages at once (build.concurrency): it writes a page's name when it starts
  // it and the page's time when it is done, so a line can name pages that were started together,
  // and a page restored unchanged (named and marked at once) can land on a page still rendering.
  test.each([
    {
      line: '13:02:57   ├─ /404.html13:02:57   ├─ /archive/index.html13:02:57   ├─ /articles/a/index.html (+44ms) ',
      read: [page('/404.html'), page('/archive/index.html'), page('/articles/a/index.html')],
    },
    {
      line: '13:03:30   ├─ /business/page/190/index.html13:03:30   ├─ /tags/topic-006/rss.xml (restored)',
      read: [page('/business/page/190/index.html'), page('/tags/topic-006/rss.xml', true)],
    },
    {
      line: '15:25:52   ├─ /articles/a/index.html  ├─ /articles/b/index.html (restored)',
      read: [page('/articles/a/index.html'), page('/articles/b/index.html', true)],
    },
    {
      line: '15:25:52   ├─ /articles/a/index.html  ├─ /articles/b/index.html  ├─ /rss.xml (+12ms) ',
      read: [page('/articles/a/index.html'), page('/articles/b/index.html'), page('/rss.xml')],
    },
    {
      line: `  ${colour(34, '├─')} \u001b[2m/a/index.html\u001b[22m  ${colour(32, '├─')} \u001b[2m/b/index.html\u001b[22m ${colour(32, '(cached)')}`,
      read: [page('/a/index.html'), page('/b/index.html', true)],
    },
  ])('pages started together: $line', ({ line, read }) => {
    expect(readAstroLine(line)).toEqual(read);
  });

  test.each([
    '15:25:48 [vite] Re-optimizing dependencies because vite config has changed',
    '15:35:12 [content] Syncing content',
    '15:35:12 [types] Generated 787ms',
    '15:35:12 [build] directory: /work/site/.dist.staging/',
    '15:35:15 [broadsheet:sitemap] 13,508 pages in 1 sitemap',
    '15:35:15 [broadsheet:prune-assets] removed 3 unreferenced images',
    '15:35:15 [build] 18 page(s) built in 3.79s',
    `\u001b[2m15:35:15\u001b[22m ${colour(34, '[build]')} Complete!`,
    '',
    ' generating static routes ',
    '15:35:13 ✓ Completed in 241ms.',
    // The times of pages that were rendered together, each written when its page is done.
    ' (+7ms) ',
    ` \u001b[2m(+7ms)\u001b[22m  \u001b[2m(+12ms)\u001b[22m `,
  ])('Astro’s step "%s" is left out', (line) => {
    expect(readAstroLine(line)).toEqual([{ kind: 'progress' }]);
  });

  test.each([
    '15:36:11 [ERROR] [build] Caught error rendering /404: Error: deliberate failure',
    colour(33, '15:36:11 [WARN] [build] Unable to generate optimized image for a.jpg'),
    '  Stack trace:',
    '    at renderPage (file:///site/.astro/.prerender/chunks/server.mjs:2316:22)',
    '  Run "astro telemetry disable" to opt-out.',
    ' (+7ms) (file not created, response body was empty)',
  ])('"%s" is shown', (line) => {
    expect(readAstroLine(line)).toEqual([{ kind: 'message' }]);
  });

  // A warning logged while a page renders lands on that page's line: it is shown, and the page counted.
  test('a warning on a page’s line', () => {
    expect(
      readAstroLine(
        '15:25:52   ├─ /articles/a/index.html15:25:52 [WARN] [build] Unable to generate optimized image for a.jpg',
      ),
    ).toEqual([page('/articles/a/index.html'), { kind: 'message' }]);
  });
});

describe('formatAstroSummary', () => {
  const image = (reused: boolean) => ({ kind: 'image' as const, reused });

  test('counts pages and other files once, rendered and unchanged, and images converted and reused', () => {
    const lines = [
      page('/index.html'),
      page('/articles/a/index.html', true),
      page('/articles/b/index.html', true),
      page('/rss.xml'),
      page('/news/rss.xml', true),
      image(false),
      image(true),
      image(true),
      { kind: 'progress' as const },
      { kind: 'message' as const },
    ];
    expect(formatAstroSummary(lines, 6_420)).toBe(
      'Built 3 pages and 2 feeds and other files (2 rendered, 3 unchanged since the last build) ' +
        'and 3 images (1 converted, 2 from the image cache) in 6.4 s.',
    );
  });

  test('writes thousands with separators, in the counts in brackets too', () => {
    const many = Array.from({ length: 1_200 }, (_, index) =>
      page(`/articles/${index}/index.html`, index > 0),
    );
    expect(formatAstroSummary(many, 1_000)).toBe(
      'Built 1,200 pages and 0 feeds and other files (1 rendered, 1,199 unchanged since the last build) and 0 images in 1.0 s.',
    );
  });

  test('writes singulars and a site without images', () => {
    expect(formatAstroSummary([page('/index.html'), page('/rss.xml')], 900)).toBe(
      'Built 1 page and 1 feed or other file (2 rendered, 0 unchanged since the last build) and 0 images in 0.9 s.',
    );
  });
});

describe('what the build waits for and holds back', () => {
  test.each([
    { line: '15:35:13 [content] Synced content', kind: 'synced' },
    { line: `\u001b[2m15:35:13\u001b[22m ${colour(34, '[content]')} Synced content`, kind: 'synced' },
    { line: '15:35:12 [content] Syncing content', kind: 'progress' },
    {
      line: '04:35:27 [ERROR] [content] Invalid content reference: entry "a" in collection "articles" (field: section) references "sprot" in collection "sections", but that entry does not exist.',
      kind: 'content problem',
    },
    {
      line: `\u001b[2m04:35:27\u001b[22m ${colour(31, '[ERROR] [content]')} Invalid content reference`,
      kind: 'content problem',
    },
    { line: '04:35:27 [WARN] [content] Duplicate id "a" found', kind: 'content problem' },
    { line: '15:35:13 [WARN] [content] Synced content twice?', kind: 'content problem' },
    {
      line: '15:36:11 [ERROR] [build] Caught error rendering /404: Error: deliberate failure',
      kind: 'message',
    },
    { line: '15:35:14   ├─ /articles/synced-content/index.html (+3ms)', kind: 'page' },
  ])('$line', ({ line, kind }) => {
    expect(readAstroLine(line).map((said) => said.kind)).toEqual([kind]);
  });
});
