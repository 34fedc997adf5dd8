import { getCollection } from 'astro:content';
import { bodyOf } from './article-loader.ts';
import { contentBodies, readBody } from './bodies.ts';
import { brokenArticles } from './broken-articles.ts';
import type { BrokenArticle } from './broken-articles.ts';
import { buildClock, contentRoot, previewsUnpublished } from './env.ts';
import { buildListings } from './listings.ts';
import type { Listing } from './listings.ts';
import type { Article, ArticleEntry, Content } from './model.ts';
import { relatedIndex } from './related.ts';
import type { RelatedIndex } from './related.ts';
import { inBuild, newestFirst, publicationState } from './publishing.ts';
import type { PublicationState } from './publishing.ts';
import { unknownReference } from './references.ts';
import { sectionPath, sectionTreeProblems } from './sections.ts';
import { pageNameProblem } from './page-names.ts';
import { partLabel } from './series.ts';
import { articleUrl, staticPageUrl } from './urls.ts';
import { site } from '../site.config.ts';

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
  /** Dev preview only: articles the build would refuse, shown at their URLs with their problems. */
  broken: BrokenArticle[];
}

let loaded: Promise<Newsroom> | undefined;

/** The published newsroom, loaded once per build. */
export function newsroom(): Promise<Newsroom> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<Newsroom> {
  const now = buildClock();
  const preview = previewsUnpublished();
  const [broken, articleEntries, sectionEntries, authorEntries, seriesEntries, pageEntries] =
    await Promise.all([
      previewProblems(now, preview),
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

  const brokenIds = new Set(broken.map((article) => article.id));
  const sound = articleEntries.filter((entry) => !brokenIds.has(entry.id));
  const problems = [
    ...sectionTreeProblems(sections.keys()),
    ...pages.flatMap((page) => pageNameProblem(page.id, sections) ?? []),
    ...sound.flatMap((entry) => referenceProblems(entry, { sections, authors, series })),
  ];
  if (problems.length > 0) throw new Error(`Content errors:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  const articles = sound
    .filter((entry) => inBuild(entry.data, now, { preview }))
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
  return { ...room, listings: buildListings(room, site), broken };
}

/**
 * In the dev preview, the articles with errors, found by the content linter as `npm run build` finds
 * them: each is left out and its URL says why, while the other pages keep working. A build has none
 * here; it runs the linter itself and stops on any error (docs/architecture.md, guarantee 2).
 */
async function previewProblems(now: Date, preview: boolean): Promise<BrokenArticle[]> {
  if (!preview) return [];
  // Loaded only in the preview: the linter and its prose rules are not part of the built pages.
  const { lintContent } = await import('./lint/index.ts');
  return brokenArticles(await lintContent(contentRoot(), now));
}

type Lookups = Pick<Newsroom, 'sections' | 'authors' | 'series'>;

function referenceProblems(entry: ArticleEntry, { sections, authors, series }: Lookups): string[] {
  const where = entry.filePath ?? entry.id;
  const problems: string[] = [];
  if (!sections.has(entry.data.section.id)) {
    problems.push(`${where}: ${unknownReference('sections', entry.data.section.id, sections.keys())}`);
  }
  for (const author of entry.data.authors) {
    if (!authors.has(author.id)) {
      problems.push(`${where}: ${unknownReference('authors', author.id, authors.keys())}`);
    }
  }
  if (entry.data.series && !series.has(entry.data.series.id.id)) {
    problems.push(`${where}: ${unknownReference('series', entry.data.series.id.id, series.keys())}`);
  }
  return problems;
}

function resolve(
  entry: ArticleEntry,
  { sections, authors, series }: Lookups,
  state: PublicationState,
): Article {
  const body = bodyOf(entry);
  if (!body) throw new Error(`${entry.filePath ?? entry.id}: the article's body was not rendered.`);
  const section = sections.get(entry.data.section.id)!;
  const membership = entry.data.series;
  const seriesEntry = membership && series.get(membership.id.id);
  return {
    id: entry.id,
    url: articleUrl(entry.id),
    data: entry.data,
    body: body.key,
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
    readingMinutes: body.readingMinutes,
    state,
  };
}

/** Where the bodies are: found once, since every page and feed item asks (a digest each time). */
let bodies: string | undefined;

/** The rendered body of an article, read from disk (src/lib/bodies.ts). */
export function articleBody(article: Pick<Article, 'body'>): string {
  bodies ??= contentBodies();
  return readBody(bodies, article.body);
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
