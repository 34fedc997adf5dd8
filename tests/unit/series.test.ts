import { describe, expect, test } from 'vitest';
import { partLabel, seriesParts } from '../../src/lib/series.ts';

describe('partLabel', () => {
  test.each([
    { part: 1, total: 2, label: 'Part 1 of 2' },
    { part: 2, total: 2, label: 'Part 2 of 2' },
    { part: 3, total: 10, label: 'Part 3 of 10' },
  ])('part $part of $total reads "$label"', ({ part, total, label }) => {
    expect(partLabel(part, total)).toBe(label);
  });
});

describe('seriesParts', () => {
  const part = (n: number) => ({ part: n, title: `Title ${n}`, url: `/articles/part-${n}/` });

  test('with part 1 unpublished, part 2 of 2 still shows part 1, without a link', () => {
    expect(seriesParts(2, [part(2)])).toEqual([{ part: 1 }, part(2)]);
  });

  test('every published part is linked, in part order', () => {
    expect(seriesParts(3, [part(3), part(1), part(2)]).map((each) => each.url)).toEqual([
      '/articles/part-1/',
      '/articles/part-2/',
      '/articles/part-3/',
    ]);
  });

  test('a published part beyond the planned total is still listed', () => {
    const parts = seriesParts(2, [part(1), part(3)]);
    expect(parts.map((each) => each.part)).toEqual([1, 2, 3]);
    expect(parts[1]).toEqual({ part: 2 });
    expect(parts[2]).toEqual(part(3));
  });

  test('a series with nothing published yet lists its planned parts unlinked', () => {
    expect(seriesParts(2, [])).toEqual([{ part: 1 }, { part: 2 }]);
  });
});
