import { hash } from 'node:crypto';
import type { Article } from './model.ts';

/**
 * Cache keys for Astro's incremental build: a page whose key (and code) is unchanged since the last
 * build is copied from that build instead of rendered. A key must therefore be a digest of exactly
 * the data the page shows. Too little and a stale page is published; too much and an edit
 * re-renders pages that do not show it. Each key is built from the same values the page gets as
 * props, plus the site chrome every page shows (navigation, footer).
 */

/**
 * A stable digest of JSON values (key order is kept; a Date is its ISO string). A Map or a Set has no
 * JSON (it would digest as `{}`): pass its entries. No replacer looks for them, since one keeps
 * `JSON.stringify` off its fast path, and a build at 100,000 articles digests every article for
 * the keys of the whole site.
 */
export function digest(...values: unknown[]): string {
  return hash('sha256', JSON.stringify(values), 'base64url');
}

/** The value `make` makes for `key`, made once per build: nothing a key is made from changes during it. */
function memo<K extends object>(made: WeakMap<K, string>, key: K, make: () => string): string {
  let value = made.get(key);
  if (value === undefined) {
    value = make();
    made.set(key, value);
  }
  return value;
}

const shared = new WeakMap<object, string>();

/**
 * The digest of an object many keys hold (the site chrome, a section, an author, a series), once
 * per build.
 */
export function sharedDigest(value: object): string {
  return memo(shared, value, () => digest(value));
}

const fullDigests = new WeakMap<Article, string>();
const cardDigests = new WeakMap<Article, string>();

/**
 * The digest of everything an article page or feed shows of the article, body included. Computed
 * once per article and build: a feed or listing key then hashes 43 characters per article, not its
 * whole text.
 */
export function articleDigest(article: Article): string {
  // From the card's digest: every article's tree is turned into JSON once per build, not twice.
  return memo(fullDigests, article, () => digest(cardDigest(article), article.body));
}

/**
 * The digest of what a list shows of an article: everything but its body. Its section, authors
 * and series are digested once per build, not once for every article that names them.
 */
export function cardDigest(article: Article): string {
  return memo(cardDigests, article, () => {
    const { section, sectionPath, authors, series, ...own } = article;
    return digest(
      { ...own, body: undefined },
      sharedDigest(section),
      sectionPath.map(sharedDigest),
      authors.map(sharedDigest),
      series && { ...series, series: sharedDigest(series.series) },
    );
  });
}
