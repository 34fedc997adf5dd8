import { describe, expect, test } from 'vitest';
import { paginate, perPage } from '../../src/lib/pagination';
import { listingPageUrl } from '../../src/lib/urls';

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('paginate', () => {
  describe.each([
    { items: 0, size: 3, sizes: [0] },
    { items: 1, size: 3, sizes: [1] },
    { items: 3, size: 3, sizes: [3] },
    { items: 4, size: 3, sizes: [3, 1] },
    { items: 9, size: 3, sizes: [3, 3, 3] },
    { items: 10, size: 3, sizes: [3, 3, 3, 1] },
    { items: 5, size: Infinity, sizes: [5] },
  ])('$items items, $size a page', ({ items, size, sizes }) => {
    const list = numbers(items);
    const pages = paginate(list, '/news/', size);

    test(`makes ${sizes.length} page(s) of ${sizes.join(', ')} items`, () => {
      expect(pages.map((page) => page.items.length)).toEqual(sizes);
    });

    test('keeps every item once, in order', () => {
      expect(pages.flatMap((page) => page.items)).toEqual(list);
    });

    test('numbers the pages from 1 and gives each the total', () => {
      expect(pages.map((page) => [page.number, page.total])).toEqual(
        sizes.map((_, index) => [index + 1, sizes.length]),
      );
    });

    test('links each page to its neighbours and to nothing beyond the ends', () => {
      pages.forEach((page, index) => {
        expect(page.url).toBe(listingPageUrl('/news/', index + 1));
        expect(page.previousUrl).toBe(index > 0 ? pages[index - 1]!.url : undefined);
        expect(page.nextUrl).toBe(index < pages.length - 1 ? pages[index + 1]!.url : undefined);
      });
    });
  });

  test('an empty listing still has its first page, at the listing’s own URL', () => {
    expect(paginate([], '/culture/')).toEqual([
      { number: 1, total: 1, url: '/culture/', items: [], previousUrl: undefined, nextUrl: undefined },
    ]);
  });

  test(`pages hold ${perPage} items unless told otherwise`, () => {
    const pages = paginate(numbers(perPage + 1), '/');
    expect(pages.map((page) => page.items.length)).toEqual([perPage, 1]);
    expect(pages[1]).toMatchObject({ url: '/page/2/', previousUrl: '/', nextUrl: undefined });
  });
});
