/**
 * Pagination of listings: page 1 at the listing's clean URL, page n at `<listing>page/<n>/`.
 */

/** Items per listing page. */
export const perPage = 20;

/** One page of a paginated listing. */
export interface Page<T> {
  number: number;
  total: number;
  url: string;
  items: T[];
  previousUrl?: string | undefined;
  nextUrl?: string | undefined;
}

/** The URL of page `number` of the listing at `base`. */
export function pageUrl(base: string, number: number): string {
  return number === 1 ? base : `${base}page/${number}/`;
}

/** Splits `items` into pages of `size` (one empty page when there are none). */
export function paginate<T>(items: T[], base: string, size: number = perPage): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    return {
      number,
      total,
      url: pageUrl(base, number),
      items: items.slice(index * size, number * size),
      previousUrl: number > 1 ? pageUrl(base, number - 1) : undefined,
      nextUrl: number < total ? pageUrl(base, number + 1) : undefined,
    };
  });
}
