import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import Byline from '../../src/components/Byline.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const base = {
  authors: [{ id: 'ni-tao', name: 'Ni Tao' }],
  publishedAt: new Date('2025-03-03T01:00:00Z'),
  readingMinutes: 4,
  timeZone: 'Asia/Shanghai',
};

describe('Byline', () => {
  test('links the author to their page and shows the time in the site timezone', async () => {
    const html = await container.renderToString(Byline, { props: base });
    expect(html).toMatch(/<a href="\/authors\/ni-tao\/" rel="author"[^>]*>Ni Tao<\/a>/);
    expect(html).toContain('datetime="2025-03-03T09:00:00+08:00"');
    expect(html).toContain('3 March 2025, 09:00 GMT+8');
    expect(html).toContain('4 min read');
    expect(html).not.toContain('Updated');
  });

  test.each([
    [['A'], 'By A'],
    [['A', 'B'], 'By A and B'],
    [['A', 'B', 'C'], 'By A, B and C'],
  ])('joins %j as "%s"', async (names, expected) => {
    const authors = names.map((name) => ({ id: name.toLowerCase(), name }));
    const html = await container.renderToString(Byline, { props: { ...base, authors } });
    const text = html
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    expect(text.startsWith(expected)).toBe(true);
  });

  test('shows "Updated" with its own machine-readable time when the article was corrected', async () => {
    const html = await container.renderToString(Byline, {
      props: { ...base, updatedAt: new Date('2025-03-04T02:30:00Z') },
    });
    expect(html).toContain('Updated');
    expect(html).toContain('datetime="2025-03-04T10:30:00+08:00"');
  });

  test('escapes an author name instead of rendering it as markup', async () => {
    const html = await container.renderToString(Byline, {
      props: { ...base, authors: [{ id: 'x', name: '<img src=x onerror=alert(1)>' }] },
    });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
});
