import type { Article } from './model';
import { tagSlug } from './urls';

/**
 * Related articles and section neighbours, from indexes built once per build, so each article's
 * work is bounded by the index sizes it looks at, never by comparing it with every other article.
 */

/** How many candidates of each tag or section list are considered (the newest ones). */
const candidatesPerList = 50;

/** Indexes over the published articles (sorted newest first). */
export interface RelatedIndex {
  byTag: Map<string, Article[]>;
  bySection: Map<string, Article[]>;
  bySeries: Map<string, Article[]>;
  /** Each article's position in its section's list. */
  sectionPosition: Map<Article, number>;
}

/** Builds the indexes in one pass. */
export function relatedIndex(articles: Article[], bySeries: Map<string, Article[]>): RelatedIndex {
  const byTag = new Map<string, Article[]>();
  const bySection = new Map<string, Article[]>();
  const sectionPosition = new Map<Article, number>();
  const push = (map: Map<string, Article[]>, key: string, article: Article) => {
    const list = map.get(key) ?? [];
    map.set(key, list);
    return list.push(article) - 1;
  };
  for (const article of articles) {
    for (const tag of new Set(article.data.tags.map(tagSlug))) push(byTag, tag, article);
    sectionPosition.set(article, push(bySection, article.section.id, article));
  }
  return { byTag, bySection, bySeries, sectionPosition };
}

/**
 * Up to `limit` related articles: the other parts of its series first (in part order), then the
 * articles sharing the most tags, then its section's newest; ties go to the newer article.
 */
export function relatedArticles(article: Article, index: RelatedIndex, limit = 4): Article[] {
  const seriesParts = article.series
    ? (index.bySeries.get(article.series.series.id) ?? []).filter((other) => other !== article)
    : [];
  const scores = new Map<Article, number>();
  const add = (candidates: Article[] | undefined, weight: number) => {
    for (const other of (candidates ?? []).slice(0, candidatesPerList)) {
      if (other !== article) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
  };
  for (const tag of new Set(article.data.tags.map(tagSlug))) add(index.byTag.get(tag), 2);
  add(index.bySection.get(article.section.id), 1);
  const ranked = [...scores]
    .filter(([other]) => !seriesParts.includes(other))
    .sort(
      ([a, scoreA], [b, scoreB]) =>
        scoreB - scoreA ||
        b.data.publishedAt.getTime() - a.data.publishedAt.getTime() ||
        (a.id < b.id ? -1 : 1),
    )
    .map(([other]) => other);
  return [...seriesParts, ...ranked].slice(0, limit);
}

/** The next older and next newer article in the same section. */
export function sectionNeighbours(
  article: Article,
  index: RelatedIndex,
): { older?: Article | undefined; newer?: Article | undefined } {
  const list = index.bySection.get(article.section.id) ?? [];
  const position = index.sectionPosition.get(article);
  if (position === undefined) return {};
  return { older: list[position + 1], newer: position > 0 ? list[position - 1] : undefined };
}
