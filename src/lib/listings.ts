import type { Article, Newsroom } from './query';
import { sectionLineage } from './sections';
import { authorUrl, sectionUrl, seriesUrl, tagSlug, tagUrl } from './urls';

/**
 * The route map of listings: every page that lists articles (front page, sections, authors, tags,
 * series) and so has a feed, with the articles it shows. Computed in one pass over the articles,
 * newest first, so it stays linear in the size of the archive.
 */

/** What kind of listing a page is. */
export type ListingKind = 'home' | 'section' | 'author' | 'tag' | 'series';

/** One listing page and its feed. */
export interface Listing {
  kind: ListingKind;
  /** The id within its kind: section path, author id, tag slug, series id ('' for home). */
  key: string;
  path: string;
  title: string;
  description: string;
  articles: Article[];
}

/** Every listing of the newsroom. Articles keep the newsroom's order (newest first). */
export function buildListings(
  room: Omit<Newsroom, 'listings'>,
  site: { name: string; tagline: string },
): Listing[] {
  const { articles, sections, authors, series } = room;
  const listings = new Map<string, Listing>();
  const listing = (kind: ListingKind, key: string, page: Pick<Listing, 'path' | 'title' | 'description'>) => {
    const id = `${kind}:${key}`;
    const existing = listings.get(id);
    if (existing) return existing;
    const created: Listing = { kind, key, ...page, articles: [] };
    listings.set(id, created);
    return created;
  };
  const home = () => listing('home', '', { path: '/', title: site.name, description: site.tagline });
  const section = (id: string) => {
    const { name, description } = sections.get(id)!;
    return listing('section', id, { path: sectionUrl(id), title: name, description });
  };
  const author = (id: string) => {
    const { name, bio } = authors.get(id)!;
    return listing('author', id, { path: authorUrl(id), title: name, description: bio });
  };
  const tag = (name: string) =>
    listing('tag', tagSlug(name), {
      path: tagUrl(name),
      title: name,
      description: `Articles tagged ${name}`,
    });
  const oneSeries = (id: string) => {
    const { name, description } = series.get(id)!;
    return listing('series', id, { path: seriesUrl(id), title: name, description });
  };

  home();
  for (const id of sections.keys()) section(id);
  for (const id of authors.keys()) author(id);
  for (const id of series.keys()) oneSeries(id);
  for (const article of articles) {
    home().articles.push(article);
    for (const id of sectionLineage(article.section.id)) section(id).articles.push(article);
    for (const { id } of article.authors) author(id).articles.push(article);
    for (const name of article.data.tags) tag(name).articles.push(article);
    if (article.series) oneSeries(article.series.series.id).articles.push(article);
  }
  return [...listings.values()];
}

/** The listings of one kind. */
export function listingsOf(all: Listing[], kind: ListingKind): Listing[] {
  return all.filter((listing) => listing.kind === kind);
}
