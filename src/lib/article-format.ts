/**
 * Article formats as data, after the Guardian's dotcom-rendering (`lib/articleFormat.ts`): the kind
 * of journalism an article is decides its kicker label, its look and its schema.org type, and
 * components ask the predicates below instead of testing formats themselves. There is no `live`
 * format: a static build has no stream of timed updates for a LiveBlogPosting to carry.
 */

/** The formats an editor can write in `format:`, the default (news) first. */
export const articleFormats = [
  'news',
  'analysis',
  'explainer',
  'opinion',
  'editorial',
  'feature',
  'interview',
  'review',
  'obituary',
] as const;

/** One kind of journalism. */
export type ArticleFormat = (typeof articleFormats)[number];

/**
 * How a family of formats looks; components put it in `data-tone` for their CSS: `comment` (opinion
 * is an argument, set in italics), `analysis` (a rule over the head), `feature` (a lighter headline),
 * `news` (the house style).
 */
export type FormatTone = 'news' | 'analysis' | 'comment' | 'feature';

/** The schema.org types a format maps to: NewsArticle and its subtypes. */
export type NewsArticleType =
  | 'NewsArticle'
  | 'AnalysisNewsArticle'
  | 'BackgroundNewsArticle'
  | 'OpinionNewsArticle'
  | 'ReportageNewsArticle'
  | 'ReviewNewsArticle';

interface FormatTraits {
  /** The word over the headline; news has none, its section is its kicker. */
  label: string | undefined;
  tone: FormatTone;
  /**
   * The most specific schema.org type that is true of every article of the format; interviews and
   * obituaries have no subtype of their own, so they stay plain NewsArticle.
   */
  schemaType: NewsArticleType;
}

const traits: Record<ArticleFormat, FormatTraits> = {
  news: { label: undefined, tone: 'news', schemaType: 'NewsArticle' },
  analysis: { label: 'Analysis', tone: 'analysis', schemaType: 'AnalysisNewsArticle' },
  // schema.org names the explainer as what BackgroundNewsArticle is for.
  explainer: { label: 'Explainer', tone: 'analysis', schemaType: 'BackgroundNewsArticle' },
  opinion: { label: 'Opinion', tone: 'comment', schemaType: 'OpinionNewsArticle' },
  editorial: { label: 'Editorial', tone: 'comment', schemaType: 'OpinionNewsArticle' },
  feature: { label: 'Feature', tone: 'feature', schemaType: 'ReportageNewsArticle' },
  interview: { label: 'Interview', tone: 'feature', schemaType: 'NewsArticle' },
  review: { label: 'Review', tone: 'feature', schemaType: 'ReviewNewsArticle' },
  obituary: { label: 'Obituary', tone: 'feature', schemaType: 'NewsArticle' },
};

/** The label shown over the headline on the article and its cards, or undefined for news. */
export function formatLabel(format: ArticleFormat): string | undefined {
  return traits[format].label;
}

/** The styling family the article page and cards read from `data-tone`. */
export function formatTone(format: ArticleFormat): FormatTone {
  return traits[format].tone;
}

/** The schema.org @type of an article in this format. */
export function formatSchemaType(format: ArticleFormat): NewsArticleType {
  return traits[format].schemaType;
}
