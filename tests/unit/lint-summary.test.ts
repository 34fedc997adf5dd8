import { describe, expect, test } from 'vitest';
import { formatCompiler } from '../../src/lib/lint/index.ts';
import type { Diagnostic, LintResult } from '../../src/lib/lint/index.ts';
import { problemSummary } from '../../src/lib/lint/summary.ts';

/** The summary that ends every content check: files with errors, then files with only warnings. */

const problem = (file: string, severity: Diagnostic['severity']): Diagnostic => ({
  file,
  line: 1,
  column: 1,
  severity,
  message: `a synthetic ${severity}`,
  rule: 'synthetic',
});

describe('problemSummary', () => {
  test('lists files with errors first, then files with only warnings, each in path order, then the totals', () => {
    const diagnostics = [
      problem('content/articles/a.md', 'warning'),
      problem('content/articles/b.md', 'warning'),
      problem('content/articles/c.md', 'error'),
      problem('content/articles/c.md', 'warning'),
      problem('content/articles/c.md', 'error'),
      problem('content/authors/d.yaml', 'error'),
      problem('content/articles/a.md', 'warning'),
    ];
    expect(problemSummary(diagnostics)).toBe(
      [
        'content/articles/c.md: 2 errors, 1 warning',
        'content/authors/d.yaml: 1 error',
        'content/articles/a.md: 2 warnings',
        'content/articles/b.md: 1 warning',
        'Total: 3 errors, 4 warnings in 4 files',
      ].join('\n'),
    );
  });

  test('says so when there is nothing to fix', () => {
    expect(problemSummary([])).toBe('Total: 0 errors, 0 warnings');
  });

  test('keeps every file with an error but only the first files with warnings alone', () => {
    const diagnostics = [
      ...['w1', 'w2', 'w3', 'w4'].map((name) => problem(`${name}.md`, 'warning')),
      ...['e1', 'e2', 'e3'].map((name) => problem(`${name}.md`, 'error')),
    ];
    expect(problemSummary(diagnostics, { warningFiles: 2 }).split('\n')).toEqual([
      'e1.md: 1 error',
      'e2.md: 1 error',
      'e3.md: 1 error',
      'w1.md: 1 warning',
      'w2.md: 1 warning',
      '2 more files with warnings (listed above)',
      'Total: 3 errors, 4 warnings in 7 files',
    ]);
  });
});

describe('formatCompiler', () => {
  const result = (diagnostics: Diagnostic[]): LintResult => ({
    diagnostics,
    errors: diagnostics.filter((each) => each.severity === 'error').length,
    warnings: diagnostics.filter((each) => each.severity === 'warning').length,
    published: 0,
    drafts: 0,
    scheduled: [],
    articles: [],
    checkedFiles: 0,
    renderedBodies: 0,
  });

  test('prints each problem like a compiler, then ends with the summary by file', () => {
    const text = formatCompiler(result([problem('x.md', 'warning'), problem('y.md', 'error')]));
    expect(text.split('\n')).toEqual([
      'x.md:1:1  warning  a synthetic warning  synthetic',
      'y.md:1:1  error  a synthetic error  synthetic',
      '',
      'y.md: 1 error',
      'x.md: 1 warning',
      'Total: 1 error, 1 warning in 2 files',
    ]);
  });

  test('prints only the totals when there is nothing to fix', () => {
    expect(formatCompiler(result([]))).toBe('Total: 0 errors, 0 warnings');
  });
});
