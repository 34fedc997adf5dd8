import { formatDateTime } from './dates.ts';

/**
 * Publish gating and ordering: the one place that decides what readers may see, and in what order.
 * See docs/architecture.md, guarantee 1 (publish gating).
 */

/** What gating needs to know about an article. */
export interface Gated {
  draft: boolean;
  publishedAt: Date;
}

/** Where an article stands at a given moment. */
export type PublicationState = 'draft' | 'embargoed' | 'published';

/** An article's state at `now`: drafts never publish; a future `publishedAt` is an embargo. */
export function publicationState(article: Gated, now: Date): PublicationState {
  if (article.draft) return 'draft';
  return article.publishedAt.getTime() > now.getTime() ? 'embargoed' : 'published';
}

/** True when readers may see the article at `now`. */
export function isPublished(article: Gated, now: Date): boolean {
  return publicationState(article, now) === 'published';
}

/**
 * How the dev preview marks an article readers cannot see yet: "Draft", or "Embargoed until" the
 * moment it lifts in `timeZone`; nothing for a published one. The article page's banner, cards and
 * feed items all say it this way. A production build holds published articles only, so never shows it.
 */
export function previewMark(
  { state, publishedAt }: { state: PublicationState; publishedAt: Date },
  timeZone: string,
): string | undefined {
  if (state === 'draft') return 'Draft';
  if (state === 'embargoed') return `Embargoed until ${formatDateTime(publishedAt, timeZone)}`;
  return undefined;
}

/**
 * Whether the article is in this build: the one gating rule, used by the content loader (what is
 * imported), the query module (what gets a page) and the content linter (what is counted as
 * published). A production build holds the articles published at `now`; the dev preview holds all.
 */
export function inBuild(article: Gated, now: Date, { preview }: { preview: boolean }): boolean {
  return preview || isPublished(article, now);
}

/** Newest first, then by id, so that equal times still give one order (reproducible builds). */
export function newestFirst<T extends { id: string; publishedAt: Date }>(a: T, b: T): number {
  return b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
