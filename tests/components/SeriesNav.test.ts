import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import SeriesNav from '../../src/components/SeriesNav.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('SeriesNav', () => {
  test('shows "Part 2 of 2", marks the current part and says when a part is not online', async () => {
    const html = await container.renderToString(SeriesNav, {
      props: {
        id: 'xiaomi',
        name: 'Xiaomi: from phones to cars',
        label: 'Part 2 of 2',
        current: 2,
        parts: [{ part: 1 }, { part: 2, title: 'Head of Xiaomi Auto', url: '/articles/head/' }],
      },
    });
    expect(html).toContain('Part 2 of 2');
    expect(html).toMatch(/<a href="\/series\/xiaomi\/"[^>]*>Xiaomi: from phones to cars<\/a>/);
    expect(html).toMatch(/<li aria-current="page"[^>]*>.*Head of Xiaomi Auto/s);
    expect(html).toContain('Not available online');
    expect(html).not.toContain('href="/articles/head/"');
  });

  test('links every published part other than the current one', async () => {
    const html = await container.renderToString(SeriesNav, {
      props: {
        id: 's',
        name: 'S',
        label: 'Part 1 of 3',
        current: 1,
        parts: [
          { part: 1, title: 'One', url: '/articles/one/' },
          { part: 2, title: 'Two', url: '/articles/two/' },
          { part: 3 },
        ],
      },
    });
    expect(html).toMatch(/<a href="\/articles\/two\/"[^>]*>Two<\/a>/);
    expect(html).not.toContain('href="/articles/one/"');
    expect(html.match(/Not available online/g)).toHaveLength(1);
  });
});
