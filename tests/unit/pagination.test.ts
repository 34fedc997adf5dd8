import { describe, expect, test } from 'vitest';
import { paginate, perPage } from '../../src/lib/pagination.ts';

/** `count` items newest first, named by their age: the oldest is 1, the newest `count`. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - index);
/** Items `from` to `to` (counted from the oldest), newest first. */
const span = (from: number, to: number) => newestFirst(to).slice(0, to - from + 1);

describe('paginate', () => {
  describe.each([
    // Blocks of 3 counted from the oldest; the front shows the open block and the newest full one.
    { items: 0, size: 3, front: [], pages: [] },
    { items: 1, size: 3, front: span(1, 1), pages: [] },
    { items: 3, size: 3, front: span(1, 3), pages: [] },
    { items: 5, size: 3, front: span(1, 5), pages: [] },
    { items: 6, size: 3, front: span(4, 6), pages: [{ number: 1, items: span(1, 3) }] },
    { items: 8, size: 3, front: span(4, 8), pages: [{ number: 1, items: span(1, 3) }] },
    {
      items: 10,
      size: 3,
      front: span(7, 10),
      pages: [
        { number: 2, items: span(4, 6) },
        { number: 1, items: span(1, 3) },
      ],
    },
    { items: 5, size: Infinity, front: span(1, 5), pages: [] },
  ])('$items items, $size a page', ({ items, size, front, pages }) => {
    const list = newestFirst(items);
    const built = paginate(list, '/news/', size);

    test('the front, at the clean URL, holds the open block and the newest full block', () => {
      expect(built[0]).toMatchObject({ number: undefined, url: '/news/', items: front });
    });

    test('numbered pages hold one full block each, newest first, numbered from the oldest', () => {
      expect(built.slice(1).map(({ number, items: shown }) => ({ number, items: shown }))).toEqual(pages);
      for (const page of built.slice(1)) expect(page.url).toBe(`/news/page/${page.number}/`);
    });

    test('keeps every item once, newest first across the pages', () => {
      expect(built.flatMap((page) => page.items)).toEqual(list);
    });

    test('links each page to the next newer and the next older page, and to nothing beyond the ends', () => {
      built.forEach((page, index) => {
        expect(page.newerUrl).toBe(index > 0 ? built[index - 1]!.url : undefined);
        expect(page.olderUrl).toBe(built[index + 1]?.url);
      });
    });
  });

  test(`pages hold ${perPage} items unless told otherwise`, () => {
    const built = paginate(newestFirst(2 * perPage + 1), '/');
    expect(built.map((page) => page.items.length)).toEqual([perPage + 1, perPage]);
    expect(built[1]).toMatchObject({ number: 1, url: '/page/1/', newerUrl: '/', olderUrl: undefined });
  });

  describe.each([
    {
      scenario: 'the front links the newest numbered pages and the first',
      items: 30,
      current: undefined,
      numbers: [9, 8, 1],
    },
    {
      scenario: 'a page links one newer page and two older ones',
      items: 30,
      current: 5,
      numbers: [6, 5, 4, 3, 1],
    },
    {
      scenario: 'the newest numbered page links no newer number',
      items: 30,
      current: 9,
      numbers: [9, 8, 7, 1],
    },
    { scenario: 'the first page links only newer ones', items: 30, current: 1, numbers: [2, 1] },
    { scenario: 'a listing with one numbered page', items: 6, current: undefined, numbers: [1] },
    { scenario: 'a listing without numbered pages', items: 5, current: undefined, numbers: [] },
  ])('$scenario', ({ items, current, numbers }) => {
    test(`shows page numbers ${numbers.join(', ') || 'none'}`, () => {
      const page = paginate(newestFirst(items), '/news/', 3).find((each) => each.number === current)!;
      expect(page.numbers).toEqual(numbers);
    });
  });

  describe.each([3, 20])('publishing one more item, %i a page', (size) => {
    test.each(Array.from({ length: 5 * size }, (_, count) => count))(
      'from %i items, every numbered page stays as it was, but for the newer link below a new page',
      (count) => {
        const numbered = (items: number) => paginate(newestFirst(items), '/news/', size).slice(1);
        const before = numbered(count);
        const after = new Map(numbered(count + 1).map((page) => [page.number, page]));
        for (const page of before) {
          const now = after.get(page.number)!;
          const above = after.get(page.number! + 1);
          if (above && !before.some((each) => each.number === above.number)) {
            expect(now.newerUrl).toBe(above.url);
            expect({ ...now, newerUrl: page.newerUrl, numbers: page.numbers }).toEqual(page);
          } else expect(now).toEqual(page);
        }
      },
    );
  });
});
