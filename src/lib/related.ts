import type { Article } from './model';
import { tagSlug } from './urls';

/**
 * Related articles and section neighbours, from indexes built once per build, so each article's
 * work is bounded by the index sizes it looks at, never by comparing it with every other article.
 * Related articles come from the article's own time, before it, so publishing a story never changes
 * what an older article shows as related (docs/architecture.md, guarantee 7).
 */

/** How many candidates of each tag or section list are considered (the nearest older ones). */
const candidatesPerList = 50;

/** Indexes over the published articles (sorted newest first). */
export interface RelatedIndex {
  byTag: Map<string, Article[]>;
  bySection: Map<string, Article[]>;
  bySeries: Map<string, Article[]>;
  /** Each article's position in the newsroom's order, which every tag and section list keeps. */
  position: Map<Article, number>;
}

/** Builds the indexes in one pass. */
export function relatedIndex(articles: Article[], bySeries: Map<string, Article[]>): RelatedIndex {
  const byTag = new Map<string, Article[]>();
  const bySection = new Map<string, Article[]>();
  const position = new Map<Article, number>();
  const push = (map: Map<string, Article[]>, key: string, article: Article) => {
    const list = map.get(key) ?? [];
    map.set(key, list);
    list.push(article);
  };
  articles.forEach((article, index) => {
    position.set(article, index);
    for (const tag of new Set(article.data.tags.map(tagSlug))) push(byTag, tag, article);
    push(bySection, article.section.id, article);
  });
  return { byTag, bySection, bySeries, position };
}

/** Where the articles older than the one at newsroom position `at` begin in `list` (binary search). */
function olderFrom(list: Article[], at: number, position: Map<Article, number>): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (position.get(list[middle]!)! <= at) low = middle + 1;
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
  const scores = new Map<Article, number>();
  const add = (list: Article[] | undefined, weight: number) => {
    if (!list || at === undefined) return;
    const start = olderFrom(list, at, index.position);
    const end = Math.min(list.length, start + candidatesPerList);
    for (let next = start; next < end; next++) {
      const other = list[next]!;
      scores.set(other, (scores.get(other) ?? 0) + weight);
    }
  };
  for (const tag of new Set(article.data.tags.map(tagSlug))) add(index.byTag.get(tag), 2);
  add(index.bySection.get(article.section.id), 1);
  // The best few of up to 250 candidates, kept in order as they come: every page of the archive
  // asks, so no sort of them all (at 100,000 articles that sort was most of a second per build).
  const wanted = limit - seriesParts.length;
  const best: { other: Article; score: number; position: number }[] = [];
  for (const [other, score] of scores) {
    if (wanted <= 0) break;
    if (seriesParts.includes(other)) continue;
    const position = index.position.get(other)!;
    const after = (each: (typeof best)[number]) =>
      each.score < score || (each.score === score && each.position > position);
    if (best.length === wanted && !after(best[wanted - 1]!)) continue;
    const place = best.findIndex(after);
    best.splice(place === -1 ? best.length : place, 0, { other, score, position });
    if (best.length > wanted) best.pop();
  }
  return [...seriesParts, ...best.map(({ other }) => other)].slice(0, limit);
}

/** The next older and next newer article in the same section. */
export function sectionNeighbours(
  article: Article,
  index: RelatedIndex,
): { older?: Article | undefined; newer?: Article | undefined } {
  const list = index.bySection.get(article.section.id) ?? [];
  const at = index.position.get(article);
  if (at === undefined) return {};
  const older = olderFrom(list, at, index.position);
  return { older: list[older], newer: older > 1 ? list[older - 2] : undefined };
}
