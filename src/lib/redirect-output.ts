import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { besideOutput, sitemapArticleUrls } from './build-report.ts';
import { fileOf, redirectPage, redirectSources, redirectsFile, removedPage } from './redirects.ts';
import type { Redirect, Removal } from './redirects.ts';

/**
 * The build's side of src/lib/redirects.ts: what a built site answers for, and the redirect and
 * takedown pages and `_redirects` written into it.
 */

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** `_redirects`, read by Netlify and Cloudflare Pages. */
const redirectsName = '_redirects';

/**
 * The addresses a built site in `dir` answers for that must never break: its article URLs (from its
 * sitemaps) and the paths its `_redirects` sends on or answers for. None for a folder not built yet.
 */
export function siteAddresses(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const sitemaps = readdirSync(dir).filter((file) => /^sitemap-\d+\.xml$/.test(file));
  const articles = sitemaps.flatMap((file) =>
    sitemapArticleUrls(readFileSync(join(dir, file), 'utf8')).map((url) => new URL(url).pathname),
  );
  const redirects = join(dir, redirectsName);
  return [...articles, ...(existsSync(redirects) ? redirectSources(readFileSync(redirects, 'utf8')) : [])];
}

/**
 * Writes a page at each old address and each removed story's address, and `_redirects` after any
 * rules of the site's own (public/_redirects, which come first and so win). Throws, naming the
 * address, when the site already has a page there.
 */
export function writeRedirects(
  dir: string,
  redirects: Redirect[],
  removals: Removal[],
  site: Parameters<typeof redirectPage>[1],
): void {
  const pages = [
    ...redirects.map((redirect) => ({
      path: redirect.from,
      html: redirectPage(redirect, site),
      why: `an old address of ${redirect.to} (redirectFrom)`,
    })),
    ...removals.map((removal) => ({
      path: removal.path,
      html: removedPage(removal, site),
      why: 'listed in content/removed.yaml',
    })),
  ];
  for (const { path, why } of pages) {
    if (existsSync(join(dir, fileOf(path)))) {
      throw new Error(
        `${path} is ${why}, but the site has a page there: an address leads to one place, so remove it from the list`,
      );
    }
  }
  for (const { path, html } of pages) write(join(dir, fileOf(path)), html);
  const own = join(dir, redirectsName);
  const rules = existsSync(own) ? readFileSync(own, 'utf8') : '';
  write(own, `${rules}${rules && !rules.endsWith('\n') ? '\n' : ''}${redirectsFile(redirects, removals)}`);
}

/**
 * Where a build into `outDir` records the addresses it answers for, beside (never in) the output:
 * CI keeps this small file from deploy to deploy even when it starts without the previous output
 * (after a change of code, its cache of dist/ starts empty).
 */
export function addressesFile(outDir: string): string {
  return besideOutput(outDir, 'addresses.json');
}

/** What the site published in `outDir` answered for: its output, and the record of it beside. */
export function previousAddresses(outDir: string): string[] {
  const record = addressesFile(outDir);
  const recorded = existsSync(record) ? (JSON.parse(readFileSync(record, 'utf8')) as string[]) : [];
  return [...siteAddresses(outDir), ...recorded];
}

/** Records what the site just published in `outDir` answers for. */
export function recordAddresses(outDir: string): void {
  const addresses = [...new Set(siteAddresses(outDir))].sort();
  writeFileSync(addressesFile(outDir), `${JSON.stringify(addresses, null, 2)}\n`);
}
