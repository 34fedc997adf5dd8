import { describe, expect, test } from 'vitest';
import {
  besideOutput,
  countProblems,
  formatPublished,
  formatSchedule,
  formatSearchIndex,
  schedule,
  scheduleFile,
  sitemapArticleUrls,
} from '../../src/lib/build-report.ts';

describe('countProblems', () => {
  test.each([
    { published: 3, pages: 3, sitemap: 3, ok: true },
    { published: 3, pages: 2, sitemap: 3, ok: false },
    { published: 3, pages: 3, sitemap: 4, ok: false },
    { published: 0, pages: 0, sitemap: 0, ok: true },
  ])('$published published, $pages pages, $sitemap sitemap URLs: ok=$ok', ({ ok, ...counts }) => {
    const problems = countProblems(counts);
    expect(problems.length === 0).toBe(ok);
    if (!ok) expect(problems[0]).toContain('not published');
  });

  test('counts in words, singular or plural', () => {
    expect(countProblems({ published: 1, pages: 0, sitemap: 2 })).toEqual([
      '1 article is published but the build has 0 article pages and 2 article URLs in its sitemap: ' +
        'an article was dropped or duplicated, so this build is not published',
    ]);
  });
});

test('sitemapArticleUrls finds only article URLs', () => {
  const xml =
    '<urlset><url><loc>https://x.example/</loc></url><url><loc>https://x.example/articles/a/</loc></url>' +
    '<url><loc>https://x.example/tags/articles/</loc></url><url><loc>https://x.example/articles/b/</loc></url></urlset>';
  expect(sitemapArticleUrls(xml)).toEqual(['https://x.example/articles/a/', 'https://x.example/articles/b/']);
});

describe('schedule', () => {
  const now = new Date('2026-01-15T04:00:00Z');

  test('names the soonest embargo as the next to lift, in UTC for machines', () => {
    const report = schedule(
      [
        { id: 'soon', file: 'a.md', publishedAt: new Date('2026-01-16T00:00:00Z') },
        { id: 'later', file: 'b.md', publishedAt: new Date('2026-02-01T00:00:00Z') },
      ],
      now,
    );
    expect(report.nextEmbargoLifts).toBe('2026-01-16T00:00:00.000Z');
    expect(report.scheduled.map((each) => each.publishedAt)).toEqual([
      '2026-01-16T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
    ]);
  });

  test('has nothing to lift when nothing is waiting', () => {
    expect(schedule([], now).nextEmbargoLifts).toBeNull();
  });
});

describe('formatSchedule', () => {
  const now = new Date('2026-01-15T04:00:00Z');
  const report = schedule(
    [
      { id: 'soon', file: 'content/articles/soon/index.md', publishedAt: new Date('2027-01-15T01:00:00Z') },
      { id: 'late', file: 'content/articles/late/index.md', publishedAt: new Date('2027-01-15T23:30:00Z') },
    ],
    now,
  );

  test('lists each embargoed article with the time it lifts in the site timezone, UTC in brackets', () => {
    expect(formatSchedule(report, 'Asia/Shanghai').split('\n')).toEqual([
      '  content/articles/soon/index.md  until 15 January 2027, 09:00 GMT+8 (01:00 UTC)',
      // 07:30 on the 16th in Shanghai is still the 15th in UTC: the UTC date is written out.
      '  content/articles/late/index.md  until 16 January 2027, 07:30 GMT+8 (15 January 2027, 23:30 UTC)',
      'Each appears in the first build after its embargo lifts: build again then.',
    ]);
  });

  test('gives no UTC time in brackets for a site whose timezone is UTC', () => {
    expect(formatSchedule(report, 'UTC')).toMatch(/until 15 January 2027, 01:00 GMT(\+0)?\n/);
    expect(formatSchedule(report, 'UTC')).not.toContain('(');
  });

  test('is empty when nothing is waiting', () => {
    expect(formatSchedule(schedule([], now), 'Asia/Shanghai')).toBe('');
  });
});

describe('formatPublished', () => {
  const now = new Date('2026-01-15T04:00:00Z');
  const embargoed = (n: number) =>
    schedule(
      Array.from({ length: n }, (_, index) => ({
        id: `e${index}`,
        file: `e${index}.md`,
        publishedAt: new Date(Date.UTC(2027, 0, 15, 1 + index)),
      })),
      now,
    );

  test.each([
    {
      published: 2,
      drafts: 1,
      waiting: 1,
      text: 'Published 2 articles to dist/; held back 1 draft and 1 embargoed until 15 January 2027, 09:00 GMT+8 (01:00 UTC).',
    },
    {
      published: 1,
      drafts: 0,
      waiting: 3,
      text: 'Published 1 article to dist/; held back 3 embargoed, the first until 15 January 2027, 09:00 GMT+8 (01:00 UTC).',
    },
    { published: 1, drafts: 2, waiting: 0, text: 'Published 1 article to dist/; held back 2 drafts.' },
    { published: 0, drafts: 0, waiting: 0, text: 'Published 0 articles to dist/; none held back.' },
  ])(
    '$published published, $drafts drafts, $waiting embargoed: "$text"',
    ({ published, drafts, waiting, text }) => {
      expect(formatPublished({ published, drafts, to: 'dist/' }, embargoed(waiting), 'Asia/Shanghai')).toBe(
        text,
      );
    },
  );
});

describe('formatSearchIndex', () => {
  test.each([
    {
      search: { pages: 1, indexed: ['s0'], kept: [] },
      text: 'Search index: 1 article in 0.2 s; shards indexed: s0; kept: none.',
    },
    {
      search: { pages: 23, indexed: [], kept: ['s0', 's1'] },
      text: 'Search index: 23 articles in 0.2 s; shards indexed: none; kept: s0 s1.',
    },
  ])('$text', ({ search, text }) => {
    expect(formatSearchIndex(search, 200)).toBe(text);
  });
});

test.each([
  { outDir: '/site/dist', file: '/site/dist.schedule.json' },
  { outDir: '/tmp/out/public/', file: '/tmp/out/public.schedule.json' },
])('the schedule of a build into $outDir is $file, beside it and never in it', ({ outDir, file }) => {
  expect(scheduleFile(outDir)).toBe(file);
});

test.each([
  { outDir: '/site/dist', name: 'websub.json', file: '/site/dist.websub.json' },
  { outDir: '/tmp/out/public/', name: 'websub.json', file: '/tmp/out/public.websub.json' },
])('$name of a build into $outDir is $file, beside the output', ({ outDir, name, file }) => {
  expect(besideOutput(outDir, name)).toBe(file);
});
