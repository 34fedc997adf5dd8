import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
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

/** What Astro keeps of one build's pages: its manifest of them and their copies. */
const pageCache = ['incremental-build.json', 'dist'];

/** Where a partition's page cache waits while other partitions build (src/lib/partitions.ts). */
function partitionCache(cacheDir: string, name: string): string {
  return join(cacheDir, 'partitions', name);
}

/**
 * Puts a partition's page cache where Astro reads it. Partitions share one cache folder, so that the
 * content store, the rendered bodies and the encoded images serve them all, but each keeps its own
 * manifest: Astro's manifest of every page is what grows too large for one build of the archive.
 * A partition without one of its own starts from whatever is there (a full build's, whose pages are
 * as valid for it), so an archive that grows into partitions does not start from nothing.
 */
export function restorePartitionCache(cacheDir: string, name: string): void {
  const saved = partitionCache(cacheDir, name);
  if (!existsSync(join(saved, pageCache[0]!))) return;
  for (const entry of pageCache) {
    rmSync(join(cacheDir, entry), { recursive: true, force: true });
    if (existsSync(join(saved, entry))) renameSync(join(saved, entry), join(cacheDir, entry));
  }
}

/** Sets a partition's page cache aside after its build, for its next build. */
export function savePartitionCache(cacheDir: string, name: string): void {
  const saved = partitionCache(cacheDir, name);
  rmSync(saved, { recursive: true, force: true });
  mkdirSync(saved, { recursive: true });
  for (const entry of pageCache) {
    if (existsSync(join(cacheDir, entry))) renameSync(join(cacheDir, entry), join(saved, entry));
  }
}
