import { createHash } from 'node:crypto';

/**
 * Cache keys for Astro's incremental build: a page whose key (and code) is unchanged since the last
 * build is copied from that build instead of rendered. A key must therefore be a digest of exactly
 * the data the page shows. Too little and a stale page is published; too much and an edit
 * re-renders pages that do not show it. Each key is built from the same values the page gets as
 * props, plus the site chrome every page shows (navigation, footer).
 */

/** An article, or anything else with a rendered body (its key). */
export interface Keyed {
  body: string;
}

/** A stable digest of any JSON-able value: Maps and Sets become arrays, key order is kept. */
export function digest(...values: unknown[]): string {
  const json = JSON.stringify(values, (_, value: unknown) =>
    value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value] : value,
  );
  return createHash('sha256').update(json).digest('base64url');
}

const fullDigests = new WeakMap<Keyed, string>();
const cardDigests = new WeakMap<Keyed, string>();

function memo(cache: WeakMap<Keyed, string>, article: Keyed, make: () => string): string {
  let made = cache.get(article);
  if (made === undefined) {
    made = make();
    cache.set(article, made);
  }
  return made;
}

/**
 * The digest of everything an article page or feed shows of the article, body included. Computed
 * once per article and build: a feed or listing key then hashes 43 characters per article, not its
 * whole text.
 */
export function articleDigest(article: Keyed): string {
  // From the card's digest: every article's whole tree is turned into JSON once per build, not twice.
  return memo(fullDigests, article, () => digest(cardDigest(article), article.body));
}

/** The digest of what a list shows of an article: everything but its body. */
export function cardDigest(article: Keyed): string {
  return memo(cardDigests, article, () => digest({ ...article, body: undefined }));
}
