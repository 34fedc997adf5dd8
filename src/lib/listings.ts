import { monthName, yearMonth } from './dates.ts';
import { paginate } from './pagination.ts';
import type { Page } from './pagination.ts';
import type { Article, Content } from './model.ts';
import { sectionLineage } from './sections.ts';
import { archiveUrl, authorUrl, homeUrl, sectionUrl, seriesUrl, tagSlug, tagUrl } from './urls.ts';

/**
 * The route map of listings: every page that lists articles (front page, sections, authors, tags,
 * series, date archives) with the articles it shows. Computed in one pass over the articles, newest
 * first, so it stays linear in the size of the archive; pages and feeds only look listings up.
 */

/** What kind of listing a page is. */
export type ListingKind = 'home' | 'section' | 'author' | 'tag' | 'series' | 'year' | 'month';

/** One listing and its feed. */
export interface Listing {
  kind: ListingKind;
  /** The id within its kind: section path, author id, tag slug, series id, 2025, 2025/03 ('' for home). */
  key: string;
  path: string;
  title: string;
  description: string;
  articles: Article[];
}

/** Site details listings need. */
export interface ListingSite {
  name: string;
  tagline: string;
  timezone: string;
}

/** Every listing of the newsroom. Articles keep the newsroom's order (newest first); series go by part. */
export function buildListings(
  room: Pick<Content, 'articles' | 'sections' | 'authors' | 'series'>,
  site: ListingSite,
): Listing[] {
  const { articles, sections, authors, series } = room;
  const listings = new Map<string, Listing>();
  // Each article asks for its listings by kind and key; what a listing shows of itself (`about`)
  // is worked out when it is first asked for, not on every ask: at 100,000 articles, working out
  // each month's name and each tag's address for every article took a second of every build.
  const listing = (
    kind: ListingKind,
    key: string,
    about: () => Pick<Listing, 'path' | 'title' | 'description'>,
  ) => {
    const id = `${kind}:${key}`;
    const existing = listings.get(id);
    if (existing) return existing;
    const created: Listing = { kind, key, ...about(), articles: [] };
    listings.set(id, created);
    return created;
  };
  const home = () =>
    listing('home', '', () => ({ path: homeUrl, title: site.name, description: site.tagline }));
  const section = (id: string) =>
    listing('section', id, () => {
      const { name, description } = sections.get(id)!;
      return { path: sectionUrl(id), title: name, description };
    });
  const author = (id: string) =>
    listing('author', id, () => {
      const { name, bio } = authors.get(id)!;
      return { path: authorUrl(id), title: name, description: bio };
    });
  const tag = (name: string) =>
    listing('tag', tagSlug(name), () => ({
      path: tagUrl(name),
      title: name,
      description: `Articles tagged ${name}`,
    }));
  const oneSeries = (id: string) =>
    listing('series', id, () => {
      const { name, description } = series.get(id)!;
      return { path: seriesUrl(id), title: name, description };
    });
  const year = (value: string) =>
    listing('year', value, () => ({
      path: archiveUrl(value),
      title: value,
      description: `Articles published in ${value}`,
    }));
  const month = (y: string, m: string) =>
    listing('month', `${y}/${m}`, () => ({
      path: archiveUrl(y, m),
      title: monthName(y, m),
      description: `Articles published in ${monthName(y, m)}`,
    }));

  home();
  for (const id of sections.keys()) section(id);
  for (const id of authors.keys()) author(id);
  for (const id of series.keys()) oneSeries(id);
  for (const article of articles) {
    home().articles.push(article);
    for (const id of sectionLineage(article.section.id)) section(id).articles.push(article);
    for (const { id } of article.authors) author(id).articles.push(article);
    const tagged = new Set<Listing>(article.data.tags.map(tag));
    for (const each of tagged) each.articles.push(article);
    if (article.series) oneSeries(article.series.series.id).articles.push(article);
    const published = yearMonth(article.data.publishedAt, site.timezone);
    year(published.year).articles.push(article);
    month(published.year, published.month).articles.push(article);
  }
  for (const each of listings.values()) {
    if (each.kind === 'series') each.articles.sort((a, b) => a.series!.part - b.series!.part);
  }
  return [...listings.values()];
}

/** The listings of one kind. */
export function listingsOf(all: Listing[], kind: ListingKind): Listing[] {
  return all.filter((listing) => listing.kind === kind);
}

/** Listings with a page of their own at their path (the front page has its own layout). */
const paged: ListingKind[] = ['section', 'author', 'tag', 'year', 'month'];
/** Listings with an RSS feed beside their page. */
export const feedKinds: ListingKind[] = ['home', 'section', 'author', 'tag', 'series'];

/** One listing page: which listing, which page of it. */
export interface ListingPage {
  listing: Listing;
  page: Page<Article>;
}

/** Every listing page to build, paginated; series pages show all parts on one page. */
export function listingPages(all: Listing[]): ListingPage[] {
  return all.flatMap((listing) => {
    if (listing.kind === 'series')
      return [{ listing, page: paginate(listing.articles, listing.path, Infinity)[0]! }];
    if (!paged.includes(listing.kind)) return [];
    return paginate(listing.articles, listing.path).map((page) => ({ listing, page }));
  });
}

/** One year of the date archive with its months, newest first, for archive navigation. */
export interface ArchiveYear {
  year: Listing;
  months: Listing[];
}

/** The date archive as years with their months, newest first. */
export function archiveTree(all: Listing[]): ArchiveYear[] {
  const newestFirst = (a: Listing, b: Listing) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
  const months = listingsOf(all, 'month').sort(newestFirst);
  return listingsOf(all, 'year')
    .sort(newestFirst)
    .map((year) => ({ year, months: months.filter((month) => month.key.startsWith(`${year.key}/`)) }));
}
