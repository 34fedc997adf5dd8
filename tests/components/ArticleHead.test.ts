import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import ArticleHead from '../../src/components/ArticleHead.astro';
import type { ArticleFormat } from '../../src/lib/article-format.ts';
import { article, site } from '../unit/newsroom-fixture.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const head = (format: ArticleFormat) =>
  container.renderToString(ArticleHead, {
    props: {
      article: article({
        id: 'xiaomi-decorum',
        section: 'business/auto',
        authors: ['ni-tao'],
        publishedAt: '2025-03-03T09:00:00+08:00',
        data: { format },
      }),
      timeZone: site.timezone,
    },
  });

describe('ArticleHead', () => {
  test('an opinion article is labelled "Opinion" above its headline and styled as comment', async () => {
    const html = await head('opinion');
    expect(html).toMatch(/<header[^>]*data-tone="comment"/);
    expect(html).toMatch(/>Opinion<\/[a-z]+>[\s\S]*<h1[^>]*>Headline of xiaomi-decorum<\/h1>/);
  });

  test('a news article shows its section path and no format label', async () => {
    const html = await head('news');
    expect(html).toMatch(/<header[^>]*data-tone="news"/);
    expect(html).toMatch(/<a href="\/business\/auto\/"[^>]*>Auto<\/a>/);
    expect(html).not.toContain('format-label');
  });

  test('the label is left out of the search index, as the section path is', async () => {
    expect(await head('analysis')).toMatch(
      /<[a-z]+ class="format-label[^"]*"[^>]*data-pagefind-ignore[^>]*>Analysis</,
    );
  });
});
