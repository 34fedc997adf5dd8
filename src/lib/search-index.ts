import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { findPackageJSON } from 'node:module';
import { dirname, join } from 'node:path';
import { close, createIndex } from 'pagefind';
import {
  manifestOf,
  parseManifest,
  planShards,
  reusableShards,
  type ShardManifest,
} from './search-shards.ts';

/** Pagefind's settings; part of every shard's digest. */
const config = {};
const pagefind = JSON.parse(readFileSync(findPackageJSON('pagefind', import.meta.url)!, 'utf8')) as {
  version: string;
};
const indexer = `pagefind ${pagefind.version} ${JSON.stringify(config)}`;

/** The files of Pagefind's interface, served once from pagefind/ for every shard. */
const interfaceFiles = ['pagefind-ui.js', 'pagefind-ui.css'];

/**
 * Writes the search index of the built site in `site` into `site/pagefind/`, one Pagefind bundle
 * per shard (src/lib/search-shards.ts). A shard whose pages are byte for byte those of the same
 * shard in `previous` (the site published before) is linked from there instead of indexed again.
 * Only elements marked data-pagefind-body (article headlines and text) are indexed, so only
 * article pages are read. `digests` gives the SHA-256 of pages' bytes the build knows already (the
 * record of the built pages, src/lib/site-pages.ts), so that a publish does not read and hash every
 * article page of the archive again; any other page is read.
 */
export async function buildSearchIndex(
  site: string,
  previous: string,
  digests: ReadonlyMap<string, string> = new Map(),
): Promise<{ pages: number; indexed: string[]; kept: string[] }> {
  const pages = new Map<string, string>();
  const articles = join(site, 'articles');
  const files = existsSync(articles) ? readdirSync(articles, { recursive: true, encoding: 'utf8' }) : [];
  for (const file of files.filter((each) => each.endsWith('.html')).sort()) {
    const page = `articles/${file}`;
    pages.set(
      page,
      digests.get(page) ??
        createHash('sha256')
          .update(readFileSync(join(site, page)))
          .digest('hex'),
    );
  }
  const plan = planShards(pages, indexer);
  const before = previousManifest(previous);
  const reusable = reusableShards(plan, before);
  const output = join(site, 'pagefind');
  const indexed: string[] = [];
  const kept: string[] = [];
  const pagesRoot = `${site}.search-pages`;
  rmSync(pagesRoot, { recursive: true, force: true });
  try {
    for (const shard of plan) {
      const from = join(previous, 'pagefind', shard.name);
      if (reusable.has(shard.name) && existsSync(from)) {
        linkTree(from, join(output, shard.name));
        kept.push(shard.name);
        continue;
      }
      // Pagefind reads a folder of pages far faster than pages handed over one by one, so each
      // shard's pages are linked into a folder of their own beside the site.
      const folder = join(pagesRoot, shard.name);
      for (const page of shard.pages) {
        mkdirSync(dirname(join(folder, page)), { recursive: true });
        link(join(site, page), join(folder, page));
      }
      await writeBundle(join(output, shard.name), folder);
      indexed.push(shard.name);
    }
    // The interface comes from a bundle of no pages, so the search page loads it even before the
    // first article is published.
    const empty = join(pagesRoot, 'interface');
    await writeBundle(empty);
    mkdirSync(output, { recursive: true });
    for (const file of interfaceFiles) link(join(empty, file), join(output, file));
  } finally {
    await close();
    rmSync(pagesRoot, { recursive: true, force: true });
  }
  writeFileSync(join(output, 'shards.json'), `${JSON.stringify(manifestOf(plan))}\n`);
  return { pages: pages.size, indexed, kept };
}

/** Writes a Pagefind bundle of the article pages under `pages` (none if absent) into `output`. */
async function writeBundle(output: string, pages?: string): Promise<void> {
  const { index, errors } = await createIndex(config);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  if (pages) {
    const added = await index.addDirectory({ path: pages, glob: 'articles/**/*.html' });
    if (added.errors.length > 0) throw new Error(`Pagefind failed to index: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(`Pagefind failed to write: ${written.errors.join('; ')}`);
  // The service keeps every index it was given until told otherwise: one shard at a time keeps its
  // memory to an eighth.
  await index.deleteIndex();
}

function previousManifest(previous: string): ShardManifest | undefined {
  const file = join(previous, 'pagefind', 'shards.json');
  return parseManifest(existsSync(file) ? readFileSync(file, 'utf8') : undefined);
}

/**
 * Hard links rather than copies: nothing writes into an index file once Pagefind has written it,
 * and a link costs nothing however large the shard.
 */
function link(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) linkTree(join(from, entry.name), join(to, entry.name));
    else link(join(from, entry.name), join(to, entry.name));
  }
}
