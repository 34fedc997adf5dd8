import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

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
