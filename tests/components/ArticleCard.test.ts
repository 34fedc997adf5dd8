import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import ArticleCard from '../../src/components/ArticleCard.astro';
import type { ArticleFormat } from '../../src/lib/article-format.ts';
import { article, site } from '../unit/newsroom-fixture.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const inFormat = (format: ArticleFormat) =>
  article({
    id: `a-${format}`,
    section: 'business',
    authors: ['ni-tao'],
    publishedAt: '2025-03-03T09:00:00+08:00',
    data: { format },
  });
const card = (format: ArticleFormat, kicker = true) =>
  container.renderToString(ArticleCard, {
    props: { article: inFormat(format), variant: 'row', timeZone: site.timezone, kicker },
  });
// What a reader sees in the kicker, tags dropped.
const kickerText = (html: string) =>
  (/<div class="kicker"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('ArticleCard', () => {
  test('an opinion card says "Opinion" before its section and is styled as comment', async () => {
    const html = await card('opinion');
    expect(kickerText(html)).toBe('Opinion Business');
    expect(html).toMatch(/<article[^>]*data-tone="comment"/);
  });

  test('an analysis card says "Analysis" and is styled as analysis', async () => {
    const html = await card('analysis');
    expect(kickerText(html)).toBe('Analysis Business');
    expect(html).toMatch(/<article[^>]*data-tone="analysis"/);
  });

  test('a news card shows its section alone', async () => {
    const html = await card('news');
    expect(kickerText(html)).toBe('Business');
    expect(html).toMatch(/<a href="\/business\/"[^>]*>Business<\/a>/);
    expect(html).toMatch(/<article[^>]*data-tone="news"/);
  });

  test("keeps the format label on a section's own front, where the section is left out", async () => {
    expect(kickerText(await card('opinion', false))).toBe('Opinion');
  });

  test('a news card on its section front has no kicker at all', async () => {
    expect(await card('news', false)).not.toContain('class="kicker"');
  });
});

describe('ArticleCard in the dev preview', () => {
  const inState = (state: 'draft' | 'embargoed' | 'published') =>
    container.renderToString(ArticleCard, {
      props: {
        article: {
          ...inFormat('news'),
          state,
          data: { ...inFormat('news').data, publishedAt: new Date('2026-01-20T01:00:00Z') },
        },
        variant: 'headline',
        timeZone: site.timezone,
      },
    });
  const mark = (html: string) => /<p class="preview-mark"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];

  test('a draft card is marked "Draft"', async () => {
    expect(mark(await inState('draft'))).toBe('Draft');
  });

  test('an embargoed card is marked with the time its embargo lifts, in the site timezone', async () => {
    expect(mark(await inState('embargoed'))).toBe('Embargoed until 20 January 2026, 09:00 GMT+8');
  });

  test('a published card has no mark', async () => {
    expect(await inState('published')).not.toContain('preview-mark');
  });
});
