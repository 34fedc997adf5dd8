import { z } from 'astro/zod';
import { articleFormats } from '../article-format.ts';
import type { SchemaHelpers } from './helpers.ts';
import { dateTime, flag, list, oldAddress, prose, slug, text, webUrl } from './fields.ts';
import { figureSchema, heroSchema } from './figure.ts';

/** Frontmatter of one article file in content/articles/. */
export function articleSchema(helpers: SchemaHelpers) {
  const figure = figureSchema(helpers);
  return z.object({
    /** The headline. */
    title: prose('a headline (title)'),
    /** The standfirst: one or two sentences under the headline, also the summary in feeds and search. */
    standfirst: prose('a standfirst: the one or two sentences under the headline'),
    /** The section path as a reference, e.g. business/auto. */
    section: helpers.reference('sections'),
    /** Author ids, one or more, e.g. [ni-tao]. */
    authors: list('authors', helpers.reference('authors')).min(1, {
      error: 'needs at least one author id, e.g. [ni-tao]',
    }),
    /** First publication, with offset. Later than the build clock means embargoed until then. */
    publishedAt: dateTime(),
    /** Last substantive update or correction, with offset. */
    updatedAt: dateTime().optional(),
    /** URL slug; the file or folder name when absent. Changing it once published needs `redirectFrom`. */
    slug: slug().optional(),
    /** The article's old addresses (old slugs or paths), each sent on to its URL with a permanent redirect. */
    redirectFrom: z
      .array(oldAddress(), {
        error: 'must be a list of old slugs or paths, e.g. redirectFrom: ["old-headline"]',
      })
      .default([]),
    /** Kind of journalism (src/lib/article-format.ts): decides the kicker label, the look and the JSON-LD type. */
    format: z
      .enum(articleFormats, {
        error: (issue) =>
          `"${String(issue.input)}" is not a format: write one of ${articleFormats.join(', ')} (news when absent)`,
      })
      .default('news'),
    /** Topic tags, as readers would search for them. */
    tags: list('tags', text('a tag')).default([]),
    /** The lead photo, shown large above the body and in feeds and link previews. */
    hero: heroSchema(helpers).optional(),
    /** A note from the editors shown above the body, e.g. where the article sits in a series. */
    editorsNote: prose("the editor's note").optional(),
    /** Membership of a series ("special report"): which one and which part. */
    series: z
      .object({
        /** The series id, a file in content/series/. */
        id: helpers.reference('series'),
        /** This article's part number, from 1. */
        part: z
          .number({ error: 'must be a whole number from 1' })
          .int({ error: 'must be a whole number from 1' })
          .positive({ error: 'must be a whole number from 1' }),
      })
      .optional(),
    /** The author's disclosure printed in italics after the body. */
    disclosure: prose('a disclosure').optional(),
    /** Corrections and updates, each dated; shown on the page, in feeds and in JSON-LD. */
    corrections: z.array(z.object({ date: dateTime(), text: prose('the correction text') })).default([]),
    /**
     * Texts the content linter would stop as a malformed number or a placeholder but that are meant
     * exactly as written, e.g. ["814,9f00", "Super Bowl XXX"] (content/README.md, "Meant as written").
     */
    allow: z
      .array(text('the exact text to accept as written'), {
        error: 'must be a list of the exact texts to accept as written, e.g. allow: ["814,9f00"]',
      })
      .default([]),
    /** A draft is never published, whatever its date. */
    draft: flag('draft').default(false),
    /** Featured articles lead the front page. */
    featured: flag('featured').default(false),
    /** Original URL when the article was first published elsewhere (syndication). */
    canonical: webUrl().optional(),
    /** Photos in the body, in order: filled by the article loader from the Markdown, not by editors. */
    bodyFigures: z.array(figure).default([]),
  });
}
