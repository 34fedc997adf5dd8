import { counted } from '../plural.ts';

/**
 * The short summary that ends every content check (`npm run lint:content` and every build), so the
 * editor sees which files to open without scrolling back through hundreds of lines.
 */

/** What the summary needs of a diagnostic. */
interface Problem {
  file: string;
  severity: 'error' | 'warning';
}

/**
 * One line per file, "content/articles/x.md: 2 errors, 1 warning": every file with an error first
 * (they stop the build), then up to `warningFiles` files with only warnings, each group in path
 * order; then the totals.
 */
export function problemSummary(problems: Problem[], { warningFiles = 10 } = {}): string {
  const byFile = new Map<string, { errors: number; warnings: number }>();
  for (const { file, severity } of problems) {
    const counts = byFile.get(file) ?? { errors: 0, warnings: 0 };
    if (severity === 'error') counts.errors++;
    else counts.warnings++;
    byFile.set(file, counts);
  }
  const files = [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const withErrors = files.filter(([, counts]) => counts.errors > 0);
  const warningsOnly = files.filter(([, counts]) => counts.errors === 0);
  const line = ([file, { errors, warnings }]: (typeof files)[number]) =>
    `${file}: ${[errors > 0 && counted(errors, 'error'), warnings > 0 && counted(warnings, 'warning')].filter(Boolean).join(', ')}`;
  const errors = problems.filter((each) => each.severity === 'error').length;
  const totals = `Total: ${counted(errors, 'error')}, ${counted(problems.length - errors, 'warning')}`;
  const unlisted = warningsOnly.length - warningFiles;
  return [
    ...withErrors.map(line),
    ...warningsOnly.slice(0, warningFiles).map(line),
    ...(unlisted > 0 ? [`${counted(unlisted, 'more file')} with warnings (listed above)`] : []),
    files.length > 0 ? `${totals} in ${counted(files.length, 'file')}` : totals,
  ].join('\n');
}
