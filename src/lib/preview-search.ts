import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDateTime } from './dates.ts';

/**
 * Search in the dev preview. Pagefind indexes a finished build (scripts/build.ts), so the dev server
 * has no index of its own; it serves the last production build's (`dist/pagefind/`, npm run build's
 * default output) and the search page says which build that is, or how to make one.
 */

/** A production build's search index on disk. */
export interface BuiltIndex {
  /** The folder served at /pagefind/. */
  dir: string;
  /** When the build wrote its shard list. */
  builtAt: Date;
}

/** The search index of the last `npm run build` in `projectRoot`, if there has been one. */
export function lastBuildIndex(projectRoot: string = process.cwd()): BuiltIndex | undefined {
  const dir = join(resolve(projectRoot), 'dist', 'pagefind');
  const shards = statSync(join(dir, 'shards.json'), { throwIfNoEntry: false });
  return shards && { dir, builtAt: shards.mtime };
}

/** What the preview's search page says about the index it searches. */
export function previewSearchNote(index: BuiltIndex | undefined, timeZone: string): string {
  if (!index) {
    return 'Search in the preview uses the last production build, and there is none yet: run npm run build once, then reload this page.';
  }
  return (
    `Search in the preview uses the last production build (${formatDateTime(index.builtAt, timeZone)}): ` +
    'it finds the articles published then, not drafts, embargoed articles or later edits. ' +
    'Run npm run build to bring it up to date.'
  );
}
