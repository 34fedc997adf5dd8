import { createHash } from 'node:crypto';
import { digest } from './cache-keys.ts';
import type { Listing } from './listings.ts';
import type { Article, Chrome, Content } from './model.ts';
import { pageHead, yearOf } from './page-keys.ts';
import { newestNumber, perPage } from './pagination.ts';

/**
 * Per year of the archive, the digest of everything the article and listing pages of that year can
 * show: its *inputs*. A year whose inputs are those of the last build has the pages and keys it had
 * then, which src/lib/routes.ts takes from that build's record (`keptKeys`, src/lib/site-pages.ts)
 * instead of working out each page's related articles, neighbours and cards: most of 6 s of every
 * publish at 100,000 articles (docs/architecture.md, "Scale: keys kept by the year").
 *
 * A page belongs to the year of its newest article (a series page to that of its first part), and
 * shows
 * - articles of its year and before: itself, its related articles (chosen from before it), its older
 *   neighbour, a listing page's items. They are in the running digest of every article up to the
 *   year, oldest first;
 * - from after its year: its section's next newer article; the other parts of its series; the head of
 *   each listing it is in (a tag's name is spelt as its newest article spells it); and, for a listing
 *   page, whether it is the newest numbered page, whose links change when a newer block fills
 *   (src/lib/pagination.ts);
 * - what every page shows: the chrome, the sections, authors and series; and the code, whose digest
 *   (`codeDigest`, src/lib/build-cache.ts) is `code`.
 *
 * An article is digested by its `fingerprint`, which changes whenever anything shown of it does.
 */
export function yearInputs(
  room: Pick<Content, 'articles' | 'bySeries' | 'sections' | 'authors' | 'series'> & { listings: Listing[] },
  chrome: Chrome,
  code: string,
): Map<number, string> {
  const { articles } = room;
  const base = digest(code, chrome, [...room.sections], [...room.authors], [...room.series]);
  // Newest first, as the newsroom orders them: a year's articles follow each other.
  const years = articles.map((article) => yearOf(article)!);
  const prints = articles.map(fingerprint);
  const yearOfArticle = new Map(articles.map((article, at) => [article, years[at]!]));
  const ascending = [...new Set(years)].reverse();
  const startsYear = (at: number) => at === 0 || years[at - 1] !== years[at];

  const upTo = new Map<number, string>();
  const running = createHash('sha256');
  for (let at = articles.length - 1; at >= 0; at--) {
    running.update(prints[at]!).update('\n');
    if (startsYear(at)) upTo.set(years[at]!, running.copy().digest('base64url'));
  }

  // Each section's oldest article after each year: the newer neighbour of the year's newest one.
  const newerNeighbours = new Map<number, string>();
  const oldestSince = new Map<string, string>();
  for (let at = 0; at < articles.length; at++) {
    if (startsYear(at)) newerNeighbours.set(years[at]!, digest(sortedEntries(oldestSince)));
    oldestSince.set(articles[at]!.section.id, prints[at]!);
  }

  // A series' parts show on the page of each part, and on its page, of its first part's year.
  const series = [...room.bySeries].map(([id, parts]) => ({
    from: Math.min(...parts.map((part) => yearOfArticle.get(part)!)),
    print: digest(id, parts.map(fingerprint)),
  }));

  // In an order of their own: the newsroom lists a tag where its newest article names it.
  const listings = [...room.listings].sort(byKindAndKey).map((listing) => ({
    head: digest(pageHead(listing)),
    newest: newestNumber(listing.articles.length),
    counts: countsUpTo(listing.articles, yearOfArticle),
  }));

  const inputs = new Map<number, string>();
  for (const year of ascending) {
    const heads = listings.flatMap(({ head, newest, counts }) => {
      const count = counts.upTo(year);
      // Whether each numbered page up to the year's is the newest (`paginate`): block b+1 exists or not.
      return count === 0 ? [] : [[head, Math.min(newest, Math.floor(count / perPage) + 1)]];
    });
    inputs.set(
      year,
      digest(
        base,
        upTo.get(year),
        newerNeighbours.get(year),
        series.filter(({ from }) => from <= year).map(({ print }) => print),
        heads,
      ),
    );
  }
  return inputs;
}

/**
 * What a build shows of an article, as a string that changes whenever any of it does: its id and
 * address, its body's key (the digest of its whole file, frontmatter included, and of the renderer:
 * src/lib/bodies.ts), its state and reading time, and the files of the photos its data names, whose
 * names carry a digest of their bytes (a photo replaced under the same name changes no article file).
 * Its section, authors and series are in every year's `base`.
 */
export function fingerprint(article: Article): string {
  return [
    article.id,
    article.url,
    article.body,
    article.state,
    article.readingMinutes,
    ...photoFiles(article.data),
  ].join('\0');
}

/** The `src` of every image in `value` (Astro's image metadata, or a remote address), in order. */
function photoFiles(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const each of value) photoFiles(each, found);
  else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const { src } = value as { src?: unknown };
    if (typeof src === 'string') found.push(src);
    for (const each of Object.values(value)) photoFiles(each, found);
  }
  return found;
}

function byKindAndKey(a: Listing, b: Listing): number {
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function sortedEntries(map: ReadonlyMap<string, string>): [string, string][] {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** How many of `articles` are of each year or before (a series lists its parts by number, not date). */
function countsUpTo(articles: Article[], yearOfArticle: ReadonlyMap<Article, number>) {
  const byYear = new Map<number, number>();
  for (const article of articles) {
    const year = yearOfArticle.get(article)!;
    byYear.set(year, (byYear.get(year) ?? 0) + 1);
  }
  /** Oldest year first, each with the count of its articles and all older ones. */
  let total = 0;
  const ends = [...byYear.keys()].sort((a, b) => a - b).map((year) => [year, (total += byYear.get(year)!)]);
  return {
    upTo(year: number): number {
      let count = 0;
      for (const [end, upToEnd] of ends) {
        if (end! > year) break;
        count = upToEnd!;
      }
      return count;
    },
  };
}
