import { describe, expect, test } from 'vitest';
import { type Diagnostic, type LintResult, forFiles, formatGithub } from '../../src/lib/lint/index.ts';

/** A lint result holding `diagnostics`, counted as lintContent counts them. */
const resultOf = (diagnostics: Diagnostic[]): LintResult => ({
  diagnostics,
  errors: diagnostics.filter((each) => each.severity === 'error').length,
  warnings: diagnostics.filter((each) => each.severity === 'warning').length,
  published: 3,
  drafts: 0,
  scheduled: [],
  articles: [],
  checkedFiles: 0,
  renderedBodies: 0,
});

const missingAuthor: Diagnostic = {
  file: 'content/articles/a/index.md',
  line: 4,
  column: 10,
  severity: 'error',
  message: 'Unknown author "li-mai": did you mean "li-mei"?',
  rule: 'known-reference',
};
const noCredit: Diagnostic = {
  file: 'content/articles/b/index.md',
  line: 12,
  column: 1,
  severity: 'warning',
  message: 'The photo has no credit, 100% needed:\nadd one',
  rule: 'photo-credit',
};

describe('formatGithub', () => {
  test('prints one ::error or ::warning annotation per diagnostic, at its file, line and column', () => {
    expect(formatGithub(resultOf([missingAuthor, noCredit])).split('\n')).toEqual([
      '::error file=content/articles/a/index.md,line=4,col=10,title=known-reference::Unknown author "li-mai": did you mean "li-mei"?',
      '::warning file=content/articles/b/index.md,line=12,col=1,title=photo-credit::The photo has no credit, 100%25 needed:%0Aadd one',
    ]);
  });

  test('a file name with a comma or colon cannot break out of its property', () => {
    const [line] = formatGithub(resultOf([{ ...missingAuthor, file: 'content/a,line=1:b.md' }])).split('\n');
    expect(line).toMatch(/^::error file=content\/a%2Cline=1%3Ab\.md,line=4,col=10,/);
  });

  test('prints nothing when there is nothing to report', () => {
    expect(formatGithub(resultOf([]))).toBe('');
  });
});

describe('forFiles', () => {
  const all = resultOf([missingAuthor, noCredit]);

  test('keeps the diagnostics of the given files and counts only those', () => {
    const only = forFiles(all, ['content/articles/b/index.md'], '/repo');
    expect(only.diagnostics).toEqual([noCredit]);
    expect(only).toMatchObject({ errors: 0, warnings: 1, published: 3 });
  });

  test('reads paths like a shell does: relative to the working folder, or absolute', () => {
    expect(forFiles(all, ['./content/articles/a/index.md'], '/repo').diagnostics).toEqual([missingAuthor]);
    expect(forFiles(all, ['/repo/content/articles/a/index.md'], '/repo').diagnostics).toEqual([
      missingAuthor,
    ]);
    expect(forFiles(all, ['content/x/../articles/a/index.md'], '/repo').diagnostics).toEqual([missingAuthor]);
  });

  test('a file with no diagnostics gives an empty, passing result', () => {
    expect(forFiles(all, ['content/articles/c/index.md'], '/repo')).toMatchObject({
      diagnostics: [],
      errors: 0,
      warnings: 0,
    });
  });
});
