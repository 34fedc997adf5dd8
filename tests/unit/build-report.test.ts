import { describe, expect, test } from 'vitest';
import {
  countProblems,
  formatSchedule,
  schedule,
  scheduleFile,
  sitemapArticleUrls,
} from '../../src/lib/build-report';

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
});

test('sitemapArticleUrls finds only article URLs', () => {
  const xml =
    '<urlset><url><loc>https://x.example/</loc></url><url><loc>https://x.example/articles/a/</loc></url>' +
    '<url><loc>https://x.example/tags/articles/</loc></url><url><loc>https://x.example/articles/b/</loc></url></urlset>';
  expect(sitemapArticleUrls(xml)).toEqual(['https://x.example/articles/a/', 'https://x.example/articles/b/']);
});

describe('schedule', () => {
  const now = new Date('2026-01-15T04:00:00Z');

  test('names the soonest embargo as the next to lift', () => {
    const report = schedule(
      [
        { id: 'soon', file: 'a.md', publishedAt: new Date('2026-01-16T00:00:00Z') },
        { id: 'later', file: 'b.md', publishedAt: new Date('2026-02-01T00:00:00Z') },
      ],
      now,
    );
    expect(report.nextEmbargoLifts).toBe('2026-01-16T00:00:00.000Z');
    expect(formatSchedule(report)).toContain(
      '2 embargoed articles waiting; the next embargo lifts at 2026-01-16T00:00:00.000Z',
    );
  });

  test('says so when nothing is waiting', () => {
    const report = schedule([], now);
    expect(report.nextEmbargoLifts).toBeNull();
    expect(formatSchedule(report)).toBe('No embargoed articles are waiting.');
  });
});

test.each([
  { outDir: '/site/dist', file: '/site/dist.schedule.json' },
  { outDir: '/tmp/out/public/', file: '/tmp/out/public.schedule.json' },
])('the schedule of a build into $outDir is $file, beside it and never in it', ({ outDir, file }) => {
  expect(scheduleFile(outDir)).toBe(file);
});
