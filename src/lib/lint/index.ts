import type { Root } from 'mdast';
import { unified } from 'unified';
import { join, relative, resolve } from 'node:path';
import { cacheDirFor } from '../env.ts';
import { workflowCommand } from '../github-actions.ts';
import { readBody } from './body.ts';
import type { BodyFacts } from './body-facts.ts';
import { lintCache } from './cache.ts';
import { indexContent } from './content-index.ts';
import type { ContentIndex } from './content-index.ts';
import { contentRules, errorRules } from './rules.ts';
import { problemSummary } from './summary.ts';

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
  /** Every article file and its id (its URL slug), so a problem can be shown at its article's URL. */
  articles: { file: string; id: string }[];
  /** How many article files were checked in this run; the others' messages came from the cache. */
  checkedFiles: number;
  /** How many of those were checked on the facts the build's renderer found of their bodies. */
  renderedBodies: number;
}

// Errors and warnings among `diagnostics`, for the whole folder or the files asked for.
const counts = (diagnostics: Diagnostic[]) => ({
  errors: diagnostics.filter((each) => each.severity === 'error').length,
  warnings: diagnostics.filter((each) => each.severity === 'warning').length,
});

/**
 * Checks the content folder at `root` as of `now`; file paths are reported relative to `cwd`. The
 * build passes the folder's index when it has read it already (to divide a large archive), and the
 * facts of the bodies its renderer's threads have just parsed (body-facts.ts), by their digest.
 */
export async function lintContent(
  root: string,
  now: Date,
  cwd: string = process.cwd(),
  given?: ContentIndex,
  rendered?: ReadonlyMap<string, BodyFacts>,
): Promise<LintResult> {
  const index = given ?? (await indexContent(root, now, cwd));
  const processor = unified();
  for (const { rule } of contentRules) processor.use(rule, ['warn', index]);
  // The rules read the body through its facts (body.ts), not a tree.
  const empty: Root = { type: 'root', children: [] };
  // One file after another, each read once: unified-engine's queue rescans every file whenever
  // one finishes, which made checking 10,000 articles quadratic.
  const files = index.articles.map((article) => article.file);
  const cache = lintCache(join(cacheDirFor(root, cwd), 'lint-cache.json'), index);
  let checkedFiles = 0;
  let renderedBodies = 0;
  for (const { file, digest } of index.articles) {
    // A file that could not be read has a message already, and is always checked afresh.
    if (file.messages.length === 0 && cache.restore(file, digest)) continue;
    checkedFiles += 1;
    // Reading the body reads a file not read yet (content-index.ts): one that cannot be read is not kept.
    if (readBody(file, rendered)) renderedBodies += 1;
    const readable = file.messages.length === 0;
    await processor.run(empty, file);
    if (readable) cache.keep(file, digest);
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
    ...counts(diagnostics),
    published: index.articles.filter((article) => article.published).length,
    drafts: index.articles.filter((article) => article.state === 'draft').length,
    scheduled,
    articles: index.articles.map(({ file, id }) => ({ file: file.path, id })),
    checkedFiles,
    renderedBodies,
  };
}

/** Compiler-style lines, `file:line:col  severity  message  rule`, then the summary by file. */
export function formatCompiler({ diagnostics }: LintResult): string {
  const lines = diagnostics.map(
    (each) => `${each.file}:${each.line}:${each.column}  ${each.severity}  ${each.message}  ${each.rule}`,
  );
  return [...lines, ...(lines.length > 0 ? [''] : []), problemSummary(diagnostics)].join('\n');
}

/**
 * GitHub Actions annotations, `::error file=…,line=…,col=…,title=rule::message`: a pull request
 * shows each on its line (`--format github`).
 */
export function formatGithub({ diagnostics }: LintResult): string {
  return diagnostics
    .map((each) =>
      workflowCommand(
        each.severity,
        { file: each.file, line: each.line, col: each.column, title: each.rule },
        each.message,
      ),
    )
    .join('\n');
}

/**
 * The result for the given files only (paths as a shell gives them, read from `cwd` like the
 * diagnostics' own), so a pull request is told about the files it changed.
 */
export function forFiles(result: LintResult, paths: string[], cwd: string = process.cwd()): LintResult {
  const wanted = new Set(paths.map((path) => relative(cwd, resolve(cwd, path))));
  const diagnostics = result.diagnostics.filter((each) => wanted.has(each.file));
  return {
    ...result,
    diagnostics,
    ...counts(diagnostics),
  };
}
