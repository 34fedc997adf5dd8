import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { join } from 'node:path';
import { cacheDirFor } from '../env';
import { lintCache } from './cache';
import { indexContent } from './content-index';
import { contentRules, errorRules } from './rules';
import { problemSummary } from './summary';

/**
 * `npm run lint:content`: checks every article (and the sections, authors, series and pages they
 * refer to) with remark-lint rules of our own, and reports like a compiler.
 */

/** One problem, as `--format json` prints it. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  rule: string;
}

/** The outcome of checking a content folder. */
export interface LintResult {
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** Published articles at the build clock, for the build's count check. */
  published: number;
  /** Drafts, which the build holds back. */
  drafts: number;
  /** Articles embargoed at the build clock, soonest first. */
  scheduled: { file: string; id: string; publishedAt: Date }[];
}

/** Checks the content folder at `root` as of `now`; file paths are reported relative to `cwd`. */
export async function lintContent(root: string, now: Date, cwd: string = process.cwd()): Promise<LintResult> {
  const index = await indexContent(root, now, cwd);
  const processor = unified().use(remarkParse).use(remarkFrontmatter);
  for (const { rule } of contentRules) processor.use(rule, ['warn', index]);
  // One file after another, each parsed once: unified-engine's queue rescans every file whenever
  // one finishes, which made checking 10,000 articles quadratic.
  const files = index.articles.map((article) => article.file);
  const cache = lintCache(join(cacheDirFor(root, cwd), 'lint-cache.json'), index);
  for (const file of files) {
    // A file that already has messages (it could not be read) is always checked afresh.
    const fresh = file.messages.length === 0;
    if (fresh && cache.restore(file)) continue;
    await processor.run(processor.parse(file), file);
    if (fresh) cache.keep(file);
  }
  cache.save();
  const diagnostics = [...index.dataFiles, ...files]
    .flatMap((file) =>
      file.messages.map((message) => ({
        file: file.path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        severity:
          message.fatal || errorRules.has(message.ruleId ?? '') ? ('error' as const) : ('warning' as const),
        message: message.reason,
        rule: message.ruleId ?? 'unknown',
      })),
    )
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  const scheduled = index.articles
    .flatMap(({ state, file, id, publishedAt }) =>
      state === 'embargoed' && publishedAt ? [{ file: file.path, id, publishedAt }] : [],
    )
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  return {
    diagnostics,
    errors: diagnostics.filter((each) => each.severity === 'error').length,
    warnings: diagnostics.filter((each) => each.severity === 'warning').length,
    published: index.articles.filter((article) => article.published).length,
    drafts: index.articles.filter((article) => article.state === 'draft').length,
    scheduled,
  };
}

/** Compiler-style lines, `file:line:col  severity  message  rule`, then the summary by file. */
export function formatCompiler({ diagnostics }: LintResult): string {
  const lines = diagnostics.map(
    (each) => `${each.file}:${each.line}:${each.column}  ${each.severity}  ${each.message}  ${each.rule}`,
  );
  return [...lines, ...(lines.length > 0 ? [''] : []), problemSummary(diagnostics)].join('\n');
}
