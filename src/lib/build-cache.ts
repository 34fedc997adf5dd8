import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Astro's cache after a build that did not finish (stopped for content errors, or failed). Astro
 * writes page copies and encoded images into its cache as it goes, non-atomically, and its list of
 * what each page was built from only at the end: a later build could restore a page rendered from
 * other content, or reuse a half-written image. So both go, and the next build renders every page.
 */
export function discardUnfinishedBuild(cacheDir: string, startedAt: number): string[] {
  const removed: string[] = [];
  const remove = (path: string) => {
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  };
  remove(join(cacheDir, 'incremental-build.json'));
  const assets = join(cacheDir, 'assets');
  let files: string[] = [];
  try {
    files = readdirSync(assets, { recursive: true, encoding: 'utf8' });
  } catch {
    return removed;
  }
  for (const file of files) {
    const path = join(assets, file);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isFile() && stats.mtimeMs >= startedAt) remove(path);
  }
  return removed;
}
