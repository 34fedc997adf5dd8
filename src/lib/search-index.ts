import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { findPackageJSON } from 'node:module';
import { join } from 'node:path';
import { close } from 'pagefind';
import { workBesideOutput } from './build-report.ts';
import { holdLinks, linkFile, surveyFolder } from './links.ts';
import type { FileId } from './links.ts';
import { indexShardFromSite, indexShardPages, pagefindConfig, writeBundle } from './search-bundle.ts';
import type { ShardFromSite } from './search-bundle.ts';
import { searchThread } from './search-thread.ts';
import type { SearchThread } from './search-thread.ts';
import {
  manifestOf,
  parseManifest,
  planShards,
  reusableShards,
  searchIndexFolder,
  type SearchPage,
  type ShardManifest,
} from './search-shards.ts';

const pagefind = JSON.parse(readFileSync(findPackageJSON('pagefind', import.meta.url)!, 'utf8')) as {
  version: string;
};
const indexer = `pagefind ${pagefind.version} ${JSON.stringify(pagefindConfig)}`;

/** The files of Pagefind's interface, served once from pagefind/ for every shard. */
const interfaceFiles = ['pagefind-ui.js', 'pagefind-ui.css'];

/** What the build knows already of the site it indexes (`buildSearchIndex`). */
export interface SearchIndexInputs {
  /** The site's article pages (`builtArticlePages`), which the build has counted. */
  articlePages: readonly string[];
  /**
   * Per page, the digest of what search reads of it, as the build knows it already (the record of
   * the built pages, src/lib/site-pages.ts), and its month, which picks its shard.
   */
  known?: ReadonlyMap<string, Partial<SearchPage>>;
  /** The build's threads: with 2 or more, two shards are indexed at a time. */
  jobs?: number;
  /**
   * What the site's search index folder and the previous site's hold, surveyed while Astro built
   * (`surveyFolder`), when nothing has written to them since; they are surveyed here otherwise.
   */
  surveyed?: { site?: ReadonlyMap<string, FileId>; previous?: ReadonlyMap<string, FileId> };
  /** The shards indexed while Astro still built the site (`indexWhileWritten`). */
  early?: EarlyIndex | undefined;
}

/**
 * Writes the search index of the built site in `site` into `site/pagefind/`, one Pagefind bundle
 * per shard (src/lib/search-shards.ts). A shard whose pages search reads as it did in the same
 * shard of `previous` (the site published before) is linked from there instead of indexed again.
 * Only elements marked data-pagefind-body (article headlines and text) are indexed, so only
 * article pages are read. With what the build `known`s of each page, a publish neither reads and
 * hashes every article page of the archive again nor re-indexes the shards of pages that only link
 * to the new story. A page it does not know is read, and its bytes are its digest; a page of no
 * known month is taken for one of the newest.
 */
export async function buildSearchIndex(
  site: string,
  previous: string,
  { articlePages, known = new Map(), jobs = 1, surveyed = {}, early }: SearchIndexInputs,
): Promise<{ pages: number; indexed: string[]; kept: string[] }> {
  const pages = new Map<string, SearchPage>();
  for (const page of articlePages) {
    const { digest, month } = known.get(page) ?? {};
    pages.set(page, {
      digest:
        digest ??
        createHash('sha256')
          .update(readFileSync(join(site, page)))
          .digest('hex'),
      month,
    });
  }
  const { plan, kept } = planIndex(pages, previous);
  const output = join(site, searchIndexFolder);
  const previousOutput = join(previous, searchIndexFolder);
  const keptShard = new Set(kept);
  // After a change of code no shard is kept, and the previous index need not be looked at at all.
  const previousFiles =
    kept.length === 0 ? new Map<string, FileId>() : (surveyed.previous ?? surveyFolder(previousOutput));
  // The kept shards are the previous site's files, linked. The site may hold a search index
  // already (the output replaced last time, which the build reuses: src/lib/build-cache.ts): its
  // files still linked to the kept shards' stay, and everything else in it goes. At 100,000
  // articles the index holds 100,000 files, one per page: surveyed while Astro builds, not here.
  // A shard's folder there that is to be indexed again goes whole, set aside for the next build to
  // delete (`setAsideSearchFolder`): deleting the files of one shard took 0.4 s of an edit at
  // 10,000 articles (1,300 files), and would take seconds at 100,000. So does a kept shard's folder
  // there that its own shards.json says is not the published one: the shard the build before
  // indexed again, whose 12,500 files took 1.4 s of the publish after an edit at 100,000 articles.
  const published = shardDigests(previousManifest(previous));
  const held = shardDigests(parseManifest(readIfThere(join(output, 'shards.json'))));
  const setAside = setAsideShards(
    output,
    previous,
    new Set(
      plan
        .map((shard) => shard.name)
        .filter((name) => !keptShard.has(name) || (held.has(name) && held.get(name) !== published.get(name))),
    ),
  );
  const siteFiles = surveyed.site ?? surveyFolder(output);
  holdLinks(
    output,
    setAside.size === 0
      ? siteFiles
      : new Map(siteFiles.entries().filter(([file]) => !setAside.has(file.split('/', 1)[0]!))),
    previousOutput,
    new Set(previousFiles.keys().filter((file) => keptShard.has(file.split('/', 1)[0]!))),
    { known: previousFiles },
  );
  const indexed: string[] = [];
  const pagesRoot = searchPagesFolder(previous);
  const empty = join(pagesRoot, 'interface');
  // The shards indexed while Astro built, each taken if it indexed the pages this plan gives it.
  const earlier = early?.close() ?? new Map<string, IndexedEarly>();
  try {
    const toIndex = plan.filter((shard) => !kept.includes(shard.name));
    // Pagefind indexes one shard on several threads already; a second at a time overlaps its reading
    // of pages and writing of files with the other's indexing (the eight shards of 10,000 articles:
    // 11.1 s one at a time, 10.2 s two at a time, the same bytes). More would hold more indexes in
    // memory. The second is indexed on a thread, with a Pagefind of its own, started only when a
    // second shard is to be indexed (search-thread.ts); it links that shard's pages there too, so that
    // the two shards' pages are linked at once (12,500 pages a shard at 100,000 articles, 8 s of a
    // cold build each) and this thread's linking holds up neither Pagefind.
    let next = 0;
    const indexNext = async (index: (shard: ShardFromSite) => Promise<void>) => {
      for (let shard = toIndex[next++]; shard; shard = toIndex[next++]) {
        const target = join(output, shard.name);
        // Waited for even when not taken: its pages' folder is this shard's.
        const started = earlier.get(shard.name);
        const bundle = await started?.bundle.catch(() => undefined);
        if (bundle && started?.digest === shard.digest) {
          rmSync(target, { recursive: true, force: true });
          mkdirSync(output, { recursive: true });
          renameSync(bundle, target);
        } else await index({ site, folder: join(pagesRoot, shard.name), pages: shard.pages, output: target });
      }
    };
    let second: SearchThread | undefined;
    const onThread = (shard: ShardFromSite) => (second ??= searchThread()).index(shard);
    try {
      await Promise.all([indexNext(indexShardFromSite), ...(jobs > 1 ? [indexNext(onThread)] : [])]);
    } finally {
      await second?.close();
      // Pagefind is closed below: a shard that was indexed for nothing is waited for first.
      await Promise.allSettled([...earlier.values()].map(({ bundle }) => bundle));
      early?.discard();
    }
    indexed.push(...toIndex.map((shard) => shard.name));
    // The interface comes from a bundle of no pages, so the search page loads it even before the
    // first article is published.
    rmSync(empty, { recursive: true, force: true });
    await writeBundle(empty);
    for (const file of interfaceFiles) linkFile(join(empty, file), join(output, file));
  } finally {
    await close();
  }
  writeFileSync(join(output, 'shards.json'), `${JSON.stringify(manifestOf(plan))}\n`);
  return { pages: pages.size, indexed, kept };
}

/**
 * The article pages of the site built in `site` (`articles/<id>/index.html`), sorted. One read of
 * the folder and a check per page: a walk of every article's folder took 0.3 s at 10,000 articles,
 * and 3 s when the disk had not read them lately.
 */
export function builtArticlePages(site: string): string[] {
  const articles = join(site, 'articles');
  if (!existsSync(articles)) return [];
  return readdirSync(articles)
    .sort()
    .map((id) => `articles/${id}/index.html`)
    .filter((page) => existsSync(join(site, page)));
}

/**
 * Moves the folders of `shards` out of the search index folder `output` into the folder the build
 * into `outDir` sets them aside in (`setAsideSearchFolder`); the shards moved.
 */
function setAsideShards(output: string, outDir: string, shards: ReadonlySet<string>): Set<string> {
  const moved = new Set<string>();
  const aside = join(setAsideSearchFolder(outDir), String(Date.now()));
  for (const shard of shards) {
    if (!existsSync(join(output, shard))) continue;
    mkdirSync(aside, { recursive: true });
    renameSync(join(output, shard), join(aside, shard));
    moved.add(shard);
  }
  return moved;
}

/**
 * Where the build into `outDir` sets aside the shards it indexes again, beside it; the next build
 * deletes the folder while Astro builds (scripts/build.ts).
 */
export function setAsideSearchFolder(outDir: string): string {
  return workBesideOutput(outDir, 'search-discarded');
}

/** Where the build into `outDir` links each shard's pages for Pagefind to read, beside it. */
export function searchPagesFolder(outDir: string): string {
  return workBesideOutput(outDir, 'search-pages');
}

/** The shards of `pages`, and those of them the site published in `previous` holds as they are. */
function planIndex(pages: ReadonlyMap<string, SearchPage>, previous: string) {
  const plan = planShards(pages, indexer);
  const reusable = reusableShards(plan, previousManifest(previous));
  const kept = plan
    .filter((shard) => reusable.has(shard.name) && existsSync(join(previous, searchIndexFolder, shard.name)))
    .map((shard) => shard.name);
  return { plan, kept };
}

/** A shard indexed while the site was written: the digest of its plan, and where its bundle is. */
interface IndexedEarly {
  digest: string;
  bundle: Promise<string>;
}

/** The shards a build indexes while Astro still writes the site's pages (`indexWhileWritten`). */
export interface EarlyIndex {
  /** Starts indexing the next shard whose pages are all written, unless one is being indexed. */
  poll(): void;
  /** Starts no more shards; the shards started, by name. */
  close(): Map<string, IndexedEarly>;
  /** Deletes the bundles that were not taken. */
  discard(): void;
}

/**
 * Indexes the site's shards while Astro still writes its pages into `site`, one at a time, each as
 * soon as every page of it is written: Astro renders pages on one thread, and the search index, which
 * waited for the last page, took 11–13 s of a cold build of 10,000 articles and most of 2 s of an edit
 * after Astro was done. `pages` are the article pages the site will have (the record of its pages
 * says so before Astro renders one); those it `renders` are read from `site` once written in full,
 * the others from the site published in `previous`, whose very files the build links into the new
 * one. `buildSearchIndex` takes a shard indexed here only if its own plan gives it the same pages
 * with the same digests, so the index is the one it would have written itself.
 */
export function indexWhileWritten(
  site: string,
  previous: string,
  pages: ReadonlyMap<string, SearchPage>,
  renders: (page: string) => boolean,
): EarlyIndex {
  const { plan, kept } = planIndex(pages, previous);
  const pagesRoot = searchPagesFolder(previous);
  const bundles = earlyBundlesFolder(previous);
  rmSync(bundles, { recursive: true, force: true });
  const from = (page: string) => join(renders(page) ? site : previous, page);
  // A shard with a page the published site lacks (one the build will not render) is left for later.
  const waiting = plan
    .filter(
      (shard) =>
        !kept.includes(shard.name) &&
        shard.pages.every((page) => renders(page) || existsSync(join(previous, page))),
    )
    .map((shard) => ({ shard, rendered: shard.pages.filter(renders), written: 0 }));
  const started = new Map<string, IndexedEarly>();
  let busy = false;
  let closed = false;
  return {
    poll() {
      if (busy || closed) return;
      // Each poll looks at a shard's pages only up to the first not yet written: in a cold build,
      // looking at all of them looked for 10,000 missing files five times a second.
      const ready = waiting.findIndex((each) => {
        while (each.written < each.rendered.length && writtenInFull(join(site, each.rendered[each.written]!)))
          each.written += 1;
        return each.written === each.rendered.length;
      });
      if (ready === -1) return;
      const { shard } = waiting.splice(ready, 1)[0]!;
      const output = join(bundles, shard.name);
      busy = true;
      const bundle = indexShardPages(join(pagesRoot, shard.name), from, shard.pages, output).then(
        () => output,
      );
      bundle.then(
        () => (busy = false),
        () => undefined,
      );
      started.set(shard.name, { digest: shard.digest, bundle });
    },
    close() {
      closed = true;
      return started;
    },
    discard() {
      rmSync(bundles, { recursive: true, force: true });
    },
  };
}

/**
 * Whether the page at `file` is written in full: Astro writes a page's HTML in one go, front to
 * back, and `</html>` is its end. Nothing before it can end so: the page's text escapes `<`, and so
 * does its JSON-LD (src/lib/jsonld.ts).
 */
function writtenInFull(file: string): boolean {
  let handle: number | undefined;
  try {
    handle = openSync(file, 'r');
    const size = fstatSync(handle).size;
    const end = Buffer.alloc(pageEnd.length);
    if (size < end.length) return false;
    readSync(handle, end, 0, end.length, size - end.length);
    return end.toString('utf8') === pageEnd;
  } catch {
    return false;
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
}
const pageEnd = '</html>';

/** Where the build into `outDir` writes the bundles of the shards indexed while Astro builds, beside it. */
export function earlyBundlesFolder(outDir: string): string {
  return workBesideOutput(outDir, 'search-early');
}

function previousManifest(previous: string): ShardManifest | undefined {
  return parseManifest(readIfThere(join(previous, searchIndexFolder, 'shards.json')));
}

/** Each shard's digest in a manifest, by name (none without one). */
function shardDigests(manifest: ShardManifest | undefined): Map<string, string> {
  return new Map(manifest?.shards.map(({ name, digest }) => [name, digest]));
}

function readIfThere(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
