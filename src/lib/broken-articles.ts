import type { Diagnostic, LintResult } from './lint/index.ts';
import { articleUrl } from './urls.ts';

/**
 * Articles the production build would refuse, for the dev preview: instead of one error stopping
 * every page, each is left out of the newsroom and its URL shows its problems (src/lib/query.ts).
 * The content linter decides, as it does for `npm run build` (docs/architecture.md, guarantee 2).
 */

/** An article with errors, as the preview shows it at its URL. */
export interface BrokenArticle {
  id: string;
  url: string;
  /** Its errors, in line order: file, line, column, and the message with its fix. */
  problems: Diagnostic[];
}

/** The articles with errors in a content check, by id, each with all its errors. */
export function brokenArticles({
  diagnostics,
  articles,
}: Pick<LintResult, 'diagnostics' | 'articles'>): BrokenArticle[] {
  const ids = new Map(articles.map(({ file, id }) => [file, id]));
  const byId = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const id = ids.get(diagnostic.file);
    if (id === undefined || diagnostic.severity !== 'error') continue;
    byId.set(id, [...(byId.get(id) ?? []), diagnostic]);
  }
  return [...byId]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, problems]) => ({ id, url: articleUrl(id), problems }));
}
