import { getCollection } from 'astro:content';
import { buildClock, showsUnpublished } from './env';
import { buildListings } from './listings';
import type { Listing } from './listings';
import type { Article, ArticleEntry, Content } from './model';
import { relatedIndex } from './related';
import type { RelatedIndex } from './related';
import { isPublished, newestFirst, publicationState } from './publishing';
import type { PublicationState } from './publishing';
import { readingMinutes, textOf } from './reading-time';
import { sectionPath, sectionTreeProblems } from './sections';
import { partLabel } from './series';
import { articleUrl, reservedSegments, staticPageUrl } from './urls';
import { site } from '../site.config';

/**
 * The one query module: loads the collections once, checks references, applies publish gating and
 * sorting, and hands the route producers (src/lib/routes.ts) plain, resolved objects (the types of
 * src/lib/model.ts). Nothing else calls getCollection, so nothing unpublished can slip through
 * another path.
 */

/** Everything a build publishes: the content, and the listings and indexes built from it. */
export interface Newsroom extends Content {
  /** Every listing page and feed (the route map). */
  listings: Listing[];
  /** Indexes for related articles and section neighbours. */
  related: RelatedIndex;
}

/**
 * `npm run dev` previews drafts and embargoed articles, marked as such, so editors can check them.
 * It takes both the dev server and BROADSHEET_PREVIEW=1 (set by the dev script): Vite reports DEV for
 * a production build too when NODE_ENV is not "production", which must never publish a draft.
 */
const previewUnpublished = import.meta.env.DEV && showsUnpublished();

let loaded: Promise<Newsroom> | undefined;

/** The published newsroom, loaded once per build. */
export function newsroom(): Promise<Newsroom> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<Newsroom> {
  const now = buildClock();
  const [articleEntries, sectionEntries, authorEntries, seriesEntries, pageEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('sections'),
    getCollection('authors'),
    getCollection('series'),
    getCollection('pages'),
  ]);
  const sections = new Map(sectionEntries.map((entry) => [entry.id, { id: entry.id, ...entry.data }]));
  const authors = new Map(authorEntries.map((entry) => [entry.id, { id: entry.id, ...entry.data }]));
  const series = new Map(seriesEntries.map((entry) => [entry.id, { id: entry.id, ...entry.data }]));

  const pages = pageEntries
    .map((entry) => ({
      id: entry.id,
      url: staticPageUrl(entry.id),
      data: entry.data,
      html: entry.rendered?.html ?? '',
    }))
    .sort((a, b) => a.data.order - b.data.order || (a.id < b.id ? -1 : 1));

  const problems = [
    ...sectionTreeProblems(sections.keys()),
    ...pages
      .filter((page) => sections.has(page.id) || (reservedSegments as readonly string[]).includes(page.id))
      .map(
        (page) =>
          `pages/${page.id}.md: "${page.id}" is already a section or a reserved name; rename the file`,
      ),
    ...articleEntries.flatMap((entry) => referenceProblems(entry, { sections, authors, series })),
  ];
  if (problems.length > 0) throw new Error(`Content errors:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  const articles = articleEntries
    .filter((entry) => isPublished(entry.data, now) || previewUnpublished)
    .map((entry) => resolve(entry, { sections, authors, series }, publicationState(entry.data, now)))
    .sort((a, b) =>
      newestFirst(
        { id: a.id, publishedAt: a.data.publishedAt },
        { id: b.id, publishedAt: b.data.publishedAt },
      ),
    );
  const bySeries = groupBySeries(articles);
  const room = {
    now,
    articles,
    sections,
    authors,
    series,
    bySeries,
    pages,
    related: relatedIndex(articles, bySeries),
  };
  return { ...room, listings: buildListings(room, site) };
}

type Lookups = Pick<Newsroom, 'sections' | 'authors' | 'series'>;

function referenceProblems(entry: ArticleEntry, { sections, authors, series }: Lookups): string[] {
  const where = entry.filePath ?? entry.id;
  const problems: string[] = [];
  if (!sections.has(entry.data.section.id)) {
    problems.push(
      `${where}: section "${entry.data.section.id}" does not exist; use one of ${[...sections.keys()].join(', ')}`,
    );
  }
  for (const author of entry.data.authors) {
    if (!authors.has(author.id)) {
      problems.push(
        `${where}: author "${author.id}" does not exist; add authors/${author.id}.yaml or fix the id`,
      );
    }
  }
  if (entry.data.series && !series.has(entry.data.series.id.id)) {
    problems.push(
      `${where}: series "${entry.data.series.id.id}" does not exist; add series/${entry.data.series.id.id}.yaml or fix the id`,
    );
  }
  return problems;
}

function resolve(
  entry: ArticleEntry,
  { sections, authors, series }: Lookups,
  state: PublicationState,
): Article {
  const html = entry.rendered?.html ?? '';
  const section = sections.get(entry.data.section.id)!;
  const membership = entry.data.series;
  const seriesEntry = membership && series.get(membership.id.id);
  return {
    id: entry.id,
    url: articleUrl(entry.id),
    data: entry.data,
    html,
    section,
    sectionPath: sectionPath(section.id, sections),
    authors: entry.data.authors.map((author) => authors.get(author.id)!),
    ...(membership && seriesEntry
      ? {
          series: {
            series: seriesEntry,
            part: membership.part,
            label: partLabel(membership.part, seriesEntry.parts),
          },
        }
      : {}),
    readingMinutes: readingMinutes(textOf(html)),
    state,
  };
}

function groupBySeries(articles: Article[]): Map<string, Article[]> {
  const groups = new Map<string, Article[]>();
  for (const article of articles) {
    if (!article.series) continue;
    const id = article.series.series.id;
    const parts = groups.get(id) ?? [];
    groups.set(id, parts);
    parts.push(article);
  }
  for (const parts of groups.values()) parts.sort((a, b) => a.series!.part - b.series!.part);
  return groups;
}
