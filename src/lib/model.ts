import type { CollectionEntry } from 'astro:content';
import type { PublicationState } from './publishing.ts';

/**
 * The domain types every module shares: the resolved objects the newsroom (src/lib/query.ts) hands
 * to listings, related articles, the front page, feeds and layouts. Types only, so any module can
 * import them without an import cycle (docs/architecture.md, module map).
 */

/** An article as the content collection loads it. */
export type ArticleEntry = CollectionEntry<'articles'>;
/** An article's frontmatter, validated by the schema. */
export type ArticleData = ArticleEntry['data'];
/** A photo with its caption and credit: the lead photo or a body figure. */
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
  /**
   * The key of the rendered body (HTML with figure placeholders, src/lib/body.ts), which pages and
   * feeds read with `articleBody`: bodies are not held in memory (src/lib/bodies.ts).
   */
  body: string;
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

/** The published content of a build, resolved and sorted, before any listing is built from it. */
export interface Content {
  /** The build clock. */
  now: Date;
  /** Published articles, newest first. */
  articles: Article[];
  sections: Map<string, Section>;
  authors: Map<string, Author>;
  series: Map<string, Series>;
  /** Published parts of each series, in part order. */
  bySeries: Map<string, Article[]>;
  /** Static pages, in footer order. */
  pages: StaticPage[];
}

/**
 * What every page shows around its content: the section navigation, the footer's links and the
 * copyright year. Route producers hand it to layouts as a prop and digest it into every cache key,
 * so a change here re-renders every page.
 */
export interface Chrome {
  /** Top-level sections, in navigation order. */
  sections: { id: string; name: string }[];
  /** Static pages linked from the footer, in footer order. */
  footer: { title: string; url: string }[];
  /** The build's year in the site timezone. */
  year: number;
}
