import type { ManifestEntry } from './fixture-site';

/**
 * The test oracle: what each listing should hold, worked out from the fixture manifest by the
 * plainest possible filtering and sorting, independently of src/lib's indexes.
 */

/** Published articles, newest first, then by id. */
export function published(manifest: ManifestEntry[]): ManifestEntry[] {
  return manifest
    .filter((entry) => entry.published)
    .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.id < b.id ? -1 : 1));
}

/** Article URLs, in order. */
export function urlsOf(entries: ManifestEntry[]): string[] {
  return entries.map((entry) => `/articles/${entry.id}/`);
}

/** Year and month of an entry in Shanghai time. */
export function shanghaiMonth(entry: ManifestEntry): { year: string; month: string } {
  const shifted = new Date(Date.parse(entry.publishedAt) + 8 * 3_600_000).toISOString();
  return { year: shifted.slice(0, 4), month: shifted.slice(5, 7) };
}
