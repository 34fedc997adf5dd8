import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Every file under `dir`, as paths relative to it, sorted. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** A built file's text. */
export function readText(dist: string, path: string): string {
  return readFileSync(join(dist, path), 'utf8');
}

/**
 * A built file's bytes as a reader's browser ends up with them: Pagefind gzips its index files
 * itself, so a search for text in them must look inside.
 */
export function readDecompressed(dist: string, path: string): Buffer {
  const bytes = readFileSync(join(dist, path));
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/** A page as the search index holds it (one Pagefind fragment). */
export interface SearchRecord {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  /** What a search result shows besides the excerpt: title, image, image_alt. */
  meta: Record<string, string>;
}

/** The pages in a built site's search index, from every shard. */
export function searchIndexRecords(dist: string): SearchRecord[] {
  const { bundles } = JSON.parse(readText(dist, 'pagefind/shards.json')) as { bundles: string[] };
  return bundles.flatMap((bundle) => bundleRecords(dist, bundle));
}

/** The pages in one bundle of a built site's search index (`/pagefind/<shard>/`). */
export function bundleRecords(dist: string, bundle: string): SearchRecord[] {
  return filesIn(join(dist, bundle, 'fragment')).map((fragment) => {
    const text = readDecompressed(dist, join(bundle, 'fragment', fragment)).toString('utf8');
    return JSON.parse(text.slice('pagefind_dcd'.length)) as SearchRecord;
  });
}

/** The URLs of the pages in a built site's search index. */
export function searchIndexUrls(dist: string): string[] {
  return searchIndexRecords(dist).map((record) => record.url);
}

/** A built page, parsed: `page(dist, '/articles/x/')` reads dist/articles/x/index.html. */
export function page(dist: string, url: string): CheerioAPI {
  return load(readText(dist, url.endsWith('/') ? `${url}index.html` : url));
}

/** The JSON-LD blocks of a page, parsed. */
export function jsonLd($: CheerioAPI): Record<string, unknown>[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((element) => JSON.parse($(element).text()) as Record<string, unknown>);
}
