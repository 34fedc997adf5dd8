import { listingPageUrl } from './urls';

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

/** Splits `items` into pages of `size` (one empty page when there are none). */
export function paginate<T>(items: T[], base: string, size: number = perPage): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    return {
      number,
      total,
      url: listingPageUrl(base, number),
      items: items.slice(index * size, number * size),
      previousUrl: number > 1 ? listingPageUrl(base, number - 1) : undefined,
      nextUrl: number < total ? listingPageUrl(base, number + 1) : undefined,
    };
  });
}
