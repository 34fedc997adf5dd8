import type { Article } from './model.ts';
import { tagSlug } from './urls.ts';

/**
 * Related articles and section neighbours, from indexes built once per build, so each article's
 * work is bounded by the index sizes it looks at, never by comparing it with every other article.
 * Related articles come from the article's own time, before it, so publishing a story never changes
 * what an older article shows as related (docs/architecture.md, guarantee 7).
 */

/** How many candidates of each tag or section list are considered (the nearest older ones). */
const candidatesPerList = 50;

/**
 * Indexes over the published articles. Lists hold positions in the newsroom's order (newest
 * first), ascending: every page of the archive asks for its related articles (100,000 at a time),
 * and numbers compare and index where articles would each cost a lookup.
 */
export interface RelatedIndex {
  /** The articles in the newsroom's order. */
  articles: Article[];
  /** Each article's position in it. */
  position: Map<Article, number>;
  /** The positions of each tag's articles, by the tag's slug. */
  byTag: Map<string, Int32Array>;
  /** The positions of each section's articles, by the section's id. */
  bySection: Map<string, Int32Array>;
  bySeries: Map<string, Article[]>;
  /** Each article's tags' slugs, each once, by its position. */
  tags: string[][];
  /** Each candidate's score by its position while an article's are counted, else 0. */
  scores: Uint16Array;
}

/** Builds the indexes in one pass. */
export function relatedIndex(articles: Article[], bySeries: Map<string, Article[]>): RelatedIndex {
  const byTag = new Map<string, number[]>();
  const bySection = new Map<string, number[]>();
  const position = new Map<Article, number>();
  const push = (map: Map<string, number[]>, key: string, at: number) => {
    const list = map.get(key) ?? [];
    map.set(key, list);
    list.push(at);
  };
  const tags = articles.map((article, at) => {
    position.set(article, at);
    const slugs = [...new Set(article.data.tags.map(tagSlug))];
    for (const tag of slugs) push(byTag, tag, at);
    push(bySection, article.section.id, at);
    return slugs;
  });
  const typed = (map: Map<string, number[]>) =>
    new Map([...map].map(([key, list]) => [key, Int32Array.from(list)]));
  return {
    articles,
    position,
    byTag: typed(byTag),
    bySection: typed(bySection),
    bySeries,
    tags,
    scores: new Uint16Array(articles.length),
  };
}

/** Where the positions after `at` (the older articles) begin in `list` (binary search). */
function olderFrom(list: Int32Array, at: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Up to `limit` related articles: the other parts of its series first (in part order), then, of the
 * 50 nearest older articles of each of its tags and of its section, those sharing the most tags (2 a
 * tag, 1 for the section); ties go to the article nearer in time.
 */
export function relatedArticles(article: Article, index: RelatedIndex, limit = 4): Article[] {
  const seriesParts = article.series
    ? (index.bySeries.get(article.series.series.id) ?? []).filter((other) => other !== article)
    : [];
  const at = index.position.get(article);
  const wanted = limit - seriesParts.length;
  if (at === undefined || wanted <= 0) return seriesParts.slice(0, limit);
  const { scores } = index;
  /** The candidates, by position, each once. */
  const candidates: number[] = [];
  const add = (list: Int32Array | undefined, weight: number) => {
    if (!list) return;
    const start = olderFrom(list, at);
    const end = Math.min(list.length, start + candidatesPerList);
    for (let next = start; next < end; next++) {
      const other = list[next]!;
      if (scores[other] === 0) candidates.push(other);
      scores[other]! += weight;
    }
  };
  for (const tag of index.tags[at]!) add(index.byTag.get(tag), 2);
  add(index.bySection.get(article.section.id), 1);
  const parts = new Set(seriesParts.map((part) => index.position.get(part)));
  // The best few of up to 250 candidates, kept in order as they come: every page of the archive
  // asks, so no sort of them all (at 100,000 articles that sort was most of a second per build).
  const best: { score: number; position: number }[] = [];
  for (const position of candidates) {
    const score = scores[position]!;
    scores[position] = 0;
    if (parts.has(position)) continue;
    const after = (each: (typeof best)[number]) =>
      each.score < score || (each.score === score && each.position > position);
    if (best.length === wanted && !after(best[wanted - 1]!)) continue;
    const place = best.findIndex(after);
    best.splice(place === -1 ? best.length : place, 0, { score, position });
    if (best.length > wanted) best.pop();
  }
  return [...seriesParts, ...best.map(({ position }) => index.articles[position]!)];
}

/** The next older and next newer article in the same section. */
export function sectionNeighbours(
  article: Article,
  index: RelatedIndex,
): { older?: Article | undefined; newer?: Article | undefined } {
  const list = index.bySection.get(article.section.id);
  const at = index.position.get(article);
  if (list === undefined || at === undefined) return {};
  const older = olderFrom(list, at);
  // The article itself is just before the older ones, the next newer just before it.
  const nth = (next: number) => (next >= 0 && next < list.length ? index.articles[list[next]!] : undefined);
  return { older: nth(older), newer: nth(older - 2) };
}
