import { listingPageUrl } from './urls.ts';

/**
 * Listing pages that stay put (docs/architecture.md, guarantee 7). A listing's articles are
 * cut into blocks of `perPage` counted from the oldest, so block k always holds the same articles:
 * publishing a story changes the listing's front (its clean URL, with the open block and the newest
 * full one) and, once every `perPage` stories, the page below the new one, never any other page.
 */

/** Items per listing page. */
export const perPage = 20;

/** How many older and newer page numbers the navigation links around the current page. */
const olderNumbers = 2;
const newerNumbers = 1;

/** One page of a listing. */
export interface Page<T> {
  /** The block shown, counted from the oldest; undefined on the listing's front. */
  number: number | undefined;
  url: string;
  /** Newest first. */
  items: T[];
  /** The page of the next newer articles (rel=prev). */
  newerUrl?: string | undefined;
  /** The page of the next older articles (rel=next). */
  olderUrl?: string | undefined;
  /**
   * The numbered pages the navigation links, newest first: the current one, one newer, two older
   * and the first. Never a number further up, which would change as blocks fill.
   */
  numbers: number[];
}

/** The newest numbered page of a listing of `count` items (0: none): the newest full block is on the front. */
export function newestNumber(count: number, size: number = perPage): number {
  return Math.max(0, Math.floor(count / size) - 1);
}

/** Splits `items` (newest first) into the listing's front and its numbered pages, front first. */
export function paginate<T>(items: T[], base: string, size: number = perPage): Page<T>[] {
  const full = Math.floor(items.length / size);
  const newest = newestNumber(items.length, size);
  const block = (number: number) =>
    items.slice(items.length - number * size, items.length - (number - 1) * size);
  // From the few around the current page, not by filtering every number of the listing: the site
  // listing of 100,000 articles has 5,000 pages, and filtering 5,000 numbers for each took half a
  // second of every build.
  const numbers = (current: number) => {
    const shown: number[] = [];
    const from = Math.min(newest, current + newerNumbers);
    for (let number = from; number >= Math.max(1, current - olderNumbers); number--) shown.push(number);
    if (newest >= 1 && shown.at(-1) !== 1) shown.push(1);
    return shown;
  };
  const front: Page<T> = {
    number: undefined,
    url: listingPageUrl(base),
    // Zero blocks, not 0 × Infinity, when a listing is one page (series).
    items: items.slice(0, items.length - (newest && newest * size)),
    olderUrl: newest > 0 ? listingPageUrl(base, newest) : undefined,
    numbers: numbers(full),
  };
  const pages = Array.from({ length: newest }, (_, index): Page<T> => {
    const number = newest - index;
    return {
      number,
      url: listingPageUrl(base, number),
      items: block(number),
      newerUrl: listingPageUrl(base, number < newest ? number + 1 : undefined),
      olderUrl: number > 1 ? listingPageUrl(base, number - 1) : undefined,
      numbers: numbers(number),
    };
  });
  return [front, ...pages];
}
