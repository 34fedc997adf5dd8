import { getCollection } from 'astro:content';
import type { CollectionEntry } from 'astro:content';
import { articleDigest, cardDigest, digest } from './cache-keys';
import { buildClock, previewsUnpublished } from './env';
import { frontPage } from './front-page';
import type { FrontPage } from './front-page';
import { archiveTree, buildListings, feedKinds, listingPages } from './listings';
import type { ArchiveYear, Listing } from './listings';
import { relatedArticles, relatedIndex, sectionNeighbours } from './related';
import type { RelatedIndex } from './related';
import { inBuild, newestFirst, publicationState } from './publishing';
import type { PublicationState } from './publishing';
import { readingMinutes, textOf } from './reading-time';
import { unknownReference } from './references';
import { sectionPath, sectionTreeProblems } from './sections';
import { pageNameProblem } from './page-names';
import { partLabel, seriesParts } from './series';
import type { SeriesPart } from './series';
import { articleUrl, staticPageUrl } from './urls';
import { site } from '../site.config';

/**
 * The one query module: loads the collections once, checks references, applies publish gating and
 * sorting, and hands pages, feeds and sitemaps plain, resolved objects. Nothing else calls
 * getCollection, so nothing unpublished can slip through another path.
 */

export type ArticleEntry = CollectionEntry<'articles'>;
export type ArticleData = ArticleEntry['data'];
export type Figure = NonNullable<ArticleData['hero']>;

/** A section with its id. */
export type Section = { id: string } & CollectionEntry<'sections'>['data'];
/** An author with its id. */
export type Author = { id: string } & CollectionEntry<'authors'>['data'];
/** A series with its id. */
export type Series = { id: string } & CollectionEntry<'series'>['data'];

/** A published article with everything it refers to resolved. */
export interface Article {
  id: string;
  url: string;
  data: ArticleData;
  /** Rendered body HTML with figure placeholders (see src/lib/body.ts). */
  html: string;
  section: Section;
  /** The section and its ancestors, top first. */
  sectionPath: Section[];
  authors: Author[];
  series?: { series: Series; part: number; label: string };
  readingMinutes: number;
  /** 'published' in every build; drafts and embargoed articles appear only in the dev preview. */
  state: PublicationState;
}

/** A page from content/pages/. */
export interface StaticPage {
  id: string;
  url: string;
  data: CollectionEntry<'pages'>['data'];
  html: string;
}

/** Everything a build publishes. */
export interface Newsroom {
  /** The build clock. */
  now: Date;
  /** Published articles, newest first. */
  articles: Article[];
  sections: Map<string, Section>;
  authors: Map<string, Author>;
  series: Map<string, Series>;
  /** Published parts of each series, in part order. */
  bySeries: Map<string, Article[]>;
  /** Every listing page and feed (the route map). */
  listings: Listing[];
  /** Indexes for related articles and section neighbours. */
  related: RelatedIndex;
  /** Static pages, in footer order. */
  pages: StaticPage[];
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
    ...pages.flatMap((page) => pageNameProblem(page.id, sections) ?? []),
    ...articleEntries.flatMap((entry) => referenceProblems(entry, { sections, authors, series })),
  ];
  if (problems.length > 0) throw new Error(`Content errors:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  const articles = articleEntries
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
  return { ...room, listings: buildListings(room, site) };
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

/** The parts of an article's series for its series box (empty when it is not in one). */
export function seriesPartsFor(article: Article, { bySeries }: Pick<Newsroom, 'bySeries'>): SeriesPart[] {
  if (!article.series) return [];
  const published = (bySeries.get(article.series.series.id) ?? []).map((part) => ({
    part: part.series!.part,
    title: part.data.title,
    url: part.url,
  }));
  return seriesParts(article.series.series.parts, published);
}

/**
 * What every page shows around its content (navigation, footer), as a cache-key digest: a change
 * here re-renders every page.
 */
function chrome({ sections, pages, now }: Pick<Newsroom, 'sections' | 'pages' | 'now'>): string {
  const footer = pages.filter((page) => page.data.footer).map((page) => [page.data.title, page.url]);
  return digest(sections, footer, now.getUTCFullYear());
}

/** Static paths of article pages, with everything the page shows around the article. */
export async function articlePaths() {
  const room = await newsroom();
  const around = chrome(room);
  return room.articles.map((article) => {
    const props = {
      article,
      seriesParts: seriesPartsFor(article, room),
      related: relatedArticles(article, room.related),
      neighbours: sectionNeighbours(article, room.related),
    };
    const { older, newer } = props.neighbours;
    return {
      params: { slug: article.id },
      props,
      cacheKey: digest(
        around,
        articleDigest(article),
        props.seriesParts,
        props.related.map(cardDigest),
        older && cardDigest(older),
        newer && cardDigest(newer),
      ),
    };
  });
}

/** The route parameter of a listing page: its path without the surrounding slashes. */
function routeParam(path: string): string | undefined {
  return path.replace(/^\/|\/$/g, '') || undefined;
}

/** What a listing shows about itself, without its articles. */
function listingHead({ articles, ...head }: Listing) {
  return { ...head, count: articles.length };
}

/** Static paths of every listing page (sections, authors, tags, series, archives), paginated. */
export async function listingPagePaths() {
  const room = await newsroom();
  const around = chrome(room);
  const years = archiveTree(room.listings);
  return listingPages(room.listings).map(({ listing, page }) => ({
    params: { listing: routeParam(page.url) },
    props: { listing, page },
    cacheKey: digest(
      around,
      listingHead(listing),
      { ...page, items: page.items.map(cardDigest) },
      listing.kind === 'author' && room.authors.get(listing.key),
      listing.kind === 'series' && room.series.get(listing.key),
      listing.kind === 'year' && years.find((each) => each.year.key === listing.key)?.months.map(listingHead),
    ),
  }));
}

/** Static paths of every listing feed, the site feed included. */
export async function feedPaths() {
  const { listings, now } = await newsroom();
  return listings
    .filter((listing) => feedKinds.includes(listing.kind))
    .map((listing) => {
      const items = listing.articles.slice(0, site.feedItems);
      return {
        params: { listing: routeParam(listing.path) },
        props: { listing },
        // An empty feed shows the build clock as its date.
        cacheKey: digest(listingHead(listing), items.map(articleDigest), items.length === 0 && now),
      };
    });
}

/** The front page's stories. */
export async function frontPageOf(): Promise<FrontPage> {
  const { articles, sections } = await newsroom();
  return frontPage(articles, sections);
}

/** Static paths of the pages from content/pages/. */
export async function staticPagePaths() {
  const room = await newsroom();
  const around = chrome(room);
  return room.pages.map((page) => ({
    params: { page: page.id },
    props: { page },
    cacheKey: digest(around, page),
  }));
}

/** The front page listing: every published article, newest first. */
export async function homeListing(): Promise<Listing> {
  const { listings } = await newsroom();
  return listings.find((listing) => listing.kind === 'home')!;
}

/** The date archive as years and months, newest first. */
export async function archive(): Promise<ArchiveYear[]> {
  const { listings } = await newsroom();
  return archiveTree(listings);
}
