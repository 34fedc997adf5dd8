import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { assetsInFile } from './assets.ts';
import { checkShared } from './merge-output.ts';
import { photoRecordFile } from './content-photos.ts';
import { digest } from './cache-keys.ts';
import { fileId, filesIn, holdLinks, linkFile, linkTree } from './links.ts';
import type { FileId, SurveyedFolder } from './links.ts';
import { besideOutput, workBesideOutput } from './build-report.ts';
import type { Partition } from './partitions.ts';
import { searchIndexFolder } from './search-shards.ts';
import { pageFile, readBuiltPages, unchangedPages } from './site-pages.ts';
import type { BuiltPages, SitePages } from './site-pages.ts';
import { keptStoreFile } from './store-module.ts';

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

/** Where a partition's kept output and Astro cache folder are (src/lib/partitions.ts). */
function partitionCache(cacheDir: string, name: string): string {
  return join(cacheDir, 'partitions', name);
}

/** Where builds record the newest partition of their plan (`recordNewestPartition`). */
function newestPartitionFile(cacheDir: string): string {
  return join(cacheDir, 'newest-partition.json');
}

/** The newest partition recorded for each partition size, by its size. */
function newestPartitions(cacheDir: string): Record<string, unknown> {
  try {
    const record: unknown = JSON.parse(readFileSync(newestPartitionFile(cacheDir), 'utf8'));
    return typeof record === 'object' && record !== null && !Array.isArray(record)
      ? (record as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * Records the newest partition of this build's plan, divided by `size` articles at most, for the
 * next build of the same content with the same size (`lastNewestPartition`); a build with another
 * size (an operator's trial, a full build beside partitioned ones) keeps its own.
 */
export function recordNewestPartition(cacheDir: string, size: number, newest: Partition): void {
  mkdirSync(cacheDir, { recursive: true });
  const record = { ...newestPartitions(cacheDir), [size]: { from: newest.from } };
  writeFileSync(newestPartitionFile(cacheDir), JSON.stringify(record));
}

/**
 * The newest partition the last build of this content with the same `size` had, if it recorded one.
 * Publishing never moves an older partition's bounds and the newest's only when it splits, so it is
 * almost always this build's too: its Astro build starts before the articles' dates are read (7 s
 * of 100,000 files), and starts again if the plan says otherwise.
 */
export function lastNewestPartition(cacheDir: string, size: number): Partition | undefined {
  const newest = newestPartitions(cacheDir)[size];
  if (typeof newest !== 'object' || newest === null) return undefined;
  const { from, to } = newest as Record<string, unknown>;
  const year = from === undefined || Number.isInteger(from);
  return year && to === undefined ? { from: from as number | undefined } : undefined;
}

/**
 * The Astro cache folder of an older partition of a partitioned build, made ready for its build.
 * Astro keeps its manifest of pages, their copies and its content store in its cache folder, so
 * partitions that build at once (scripts/build.ts) each need their own; it stays from one build to
 * the next with the partition's page cache and image cache. Before each build it gets the content
 * store the newest partition's build has just synced (Astro's check of its config leaves
 * out the folders, so it is taken as it is: the partition's sync finds every article as it was, but
 * for the few the newest's build may have left unwritten, src/integrations/content-store.ts) and
 * links to the images the content root's cache has encoded already and to the record of the photos
 * the newest partition's build emitted (src/integrations/content-photos.ts). The rendered bodies are
 * the content root's (`contentBodies`).
 */
export function partitionAstroCache(cacheDir: string, name: string): string {
  const own = join(partitionCache(cacheDir, name), 'astro');
  mkdirSync(own, { recursive: true });
  // Before 4 December 2026 a partition's page cache was set aside here and moved in and out of the
  // content root's cache folder, as the partitions built one at a time.
  for (const old of ['incremental-build.json', 'dist'])
    rmSync(join(partitionCache(cacheDir, name), old), { recursive: true, force: true });
  // Links: Astro replaces its store file by renaming a new one over it, never writes into it, and
  // so does a build the store it keeps (`keptStoreFile`, which Astro's own file, when there is one,
  // is newer than). A partition built on a machine of its own (--partition) has no newer store than
  // its own.
  const astroStore = join(cacheDir, 'data-store.json');
  const stores = [astroStore, keptStoreFile(astroStore)];
  if (stores.some((store) => existsSync(store))) {
    for (const store of stores) {
      rmSync(join(own, basename(store)), { force: true });
      if (existsSync(store)) linkFile(store, join(own, basename(store)));
    }
  }
  // The photos the newest partition's build has just emitted: all of the store's. Without them each
  // older partition read every photo of the archive again (20,000 at 100,000 articles: 24–34 s of
  // each one's bundle in a cold build). The record too is replaced by renaming, never written into.
  const photos = photoRecordFile(cacheDir);
  if (existsSync(photos)) {
    rmSync(photoRecordFile(own), { force: true });
    linkFile(photos, photoRecordFile(own));
  }
  const images = join(own, 'assets');
  linkTree(join(cacheDir, 'assets'), images, (file) => !existsSync(join(images, file)));
  return own;
}

/**
 * Keeps a partition's own pages (`pages`, their files inside `output`) and the images they show,
 * with the digest of what they were built from (src/lib/site-pages.ts), so that a later build whose
 * partition has the same digest takes them instead of building it. Not the front page or feeds,
 * which every partition renders and only the newest's are current, nor their images. The files are
 * hard links: keeping 25,000 articles' pages costs no copy.
 */
export function keepPartitionOutput(
  cacheDir: string,
  name: string,
  output: string,
  key: string,
  pages: ReadonlySet<string>,
): void {
  const saved = partitionCache(cacheDir, name);
  rmSync(join(saved, 'key'), { force: true });
  rmSync(join(saved, 'files.json'), { force: true });
  rmSync(join(saved, 'output'), { recursive: true, force: true });
  const shown = new Set<string>();
  for (const page of pages) {
    const file = join(output, page);
    if (!existsSync(file)) continue;
    for (const asset of assetsInFile(file)) shown.add(`_astro/${asset}`);
  }
  const kept = join(saved, 'output');
  const files = linkTree(output, kept, (file) => pages.has(file) || shown.has(file));
  const ids = files.map((file) => fileId(join(kept, file)));
  writeFileSync(join(saved, 'files.json'), JSON.stringify({ files, ids } satisfies KeptFiles));
  writeFileSync(join(saved, 'key'), key);
}

/** A partition's output kept from its last build: its folder and the files it holds there. */
export interface KeptOutput {
  folder: string;
  files: string[];
  /** What each file is (`FileId`), by its path, as it was kept; nothing writes to it since. */
  ids: ReadonlyMap<string, FileId>;
}

/** What `files.json` records of a kept output: its files, and what each is. */
interface KeptFiles {
  files: string[];
  ids: (FileId | undefined)[];
}

/**
 * The kept output of a partition, if it was built from `key`. Its key is written last and read
 * first, so an output kept only in part is never taken. The files are those recorded when it was
 * kept, with what each is: reading its 95,000 folders again took 7 s of a publish at 100,000
 * articles, and looking at each file 2 s. `keepUnchangedPages` links them into the newest
 * partition's output. A record of the files alone (an earlier version's) is taken too.
 */
export function keptOutput(cacheDir: string, name: string, key: string): KeptOutput | undefined {
  const saved = partitionCache(cacheDir, name);
  const read = (file: string) =>
    existsSync(join(saved, file)) ? readFileSync(join(saved, file), 'utf8') : undefined;
  const record = read('files.json');
  if (read('key') !== key || record === undefined) return undefined;
  const kept = JSON.parse(record) as KeptFiles | string[];
  const { files, ids } = Array.isArray(kept) ? { files: kept, ids: [] } : kept;
  return {
    folder: join(saved, 'output'),
    files,
    ids: new Map(files.flatMap((file, at) => (ids[at] ? [[file, ids[at]]] : []))),
  };
}

/** Where a build into `outDir` records what its pages were built from (`BuiltPages`), beside it. */
export function builtPagesFile(outDir: string): string {
  return besideOutput(outDir, 'pages.json');
}

/**
 * The record of the pages in `outDir`, when it was built with this `code` and every page and image
 * it names is still there; otherwise none, and the build renders every page (Astro still restores
 * from its own cache what it can).
 */
export function previousBuild(outDir: string, code: string): BuiltPages | undefined {
  const built = readBuiltPages(builtPagesFile(outDir));
  if (built?.code !== code) return undefined;
  // Pages share their images, which the record names once each.
  const files = [...Object.keys(built.pages).map(pageFile), ...built.files.map((asset) => `_astro/${asset}`)];
  return files.every((file) => existsSync(join(outDir, file))) ? built : undefined;
}

/**
 * Whether the record beside `outDir` was written by a build of this `code`, read from its first
 * bytes (`writeBuiltPages` puts the code first): what an Astro build is told as it starts, while
 * `previousBuild` reads the whole record and looks for every page it names (2.5 s at 100,000
 * articles, when that record was 64 MB; 22 MB since it names each image once).
 */
export function recordedWithCode(outDir: string, code: string): boolean {
  const head = Buffer.alloc(200);
  let length = 0;
  try {
    const file = openSync(builtPagesFile(outDir), 'r');
    try {
      length = readSync(file, head, 0, head.length, 0);
    } finally {
      closeSync(file);
    }
  } catch {
    return false;
  }
  return head.subarray(0, length).toString('utf8').startsWith(JSON.stringify({ code }).slice(0, -1));
}

/** The folder a build into `outDir` assembles the new site in, beside it, before the swap. */
export function stagingFolder(outDir: string): string {
  return workBesideOutput(outDir, 'staging');
}

/**
 * Where the output a build replaced waits for the next build, which makes it its new output
 * (`keepUnchangedPages`) rather than linking every kept page into an empty folder: at 10,000
 * articles, creating 13,500 folders and removing as many took 5–7 seconds of every build.
 */
export function replacedOutput(outDir: string): string {
  return workBesideOutput(outDir, 'previous');
}

/**
 * Where an output replaced two builds ago, which the last build did not make its own (a partitioned
 * build, or one after a change of code), waits to be deleted while the next build's Astro runs:
 * deleting the 100,000 pages of a large archive took most of a minute before the swap.
 */
export function discardedOutput(outDir: string): string {
  return workBesideOutput(outDir, 'discarded');
}

/**
 * After a build that rendered every page into `outDir` (a first build, --force, a change of code):
 * deletes the output it replaced, set aside, and makes `replacedOutput` a copy of the new output in
 * hard links, for the next build to assemble in as after any publish (docs/architecture.md, "Two
 * outputs, in turn"). The site is published by then, so a copy that cannot be made (a full disk)
 * does not fail the build: returns why, and the next build links its kept pages into an empty
 * folder instead.
 */
export function leaveLinkCopy(outDir: string): string | undefined {
  const copy = replacedOutput(outDir);
  try {
    rmSync(discardedOutput(outDir), { recursive: true, force: true });
    linkTree(outDir, copy);
    return undefined;
  } catch (error) {
    rmSync(copy, { recursive: true, force: true });
    return `${copy} could not be made a copy of the output in links (${(error as Error).message}): the next build links the pages it keeps into an empty folder.`;
  }
}

/**
 * Puts into `into`, beside what Astro wrote there, the pages of `current` in `partition` that the
 * previous output `outDir` has as they are now (`built` is its record, if it was built with this
 * code), which Astro was not asked to render, with the images they name that Astro did not write,
 * and the files of the older partitions `taken` as they were kept; returns the kept pages' files.
 * A file that a taken partition and Astro (or another taken partition) both have must be the same
 * bytes (`checkShared`). Hard links: nothing edits a file of the output in place
 * (docs/architecture.md).
 *
 * With `replaced`, the output the last build replaced (with its files as surveyed while Astro
 * built, `surveyFolder`), it is that folder that becomes `into`: most of its files are already the
 * links wanted, so only the files that changed since are linked again, and Astro's files are moved
 * into it. Linking the 95,000 pages of the older partitions of 100,000 articles into an empty
 * folder took 7 s of a publish, and deleting the output replaced as long.
 */
export function keepUnchangedPages(
  outDir: string,
  into: string,
  built: BuiltPages | undefined,
  current: SitePages,
  partition: Partition,
  replaced?: SurveyedFolder,
  taken: readonly KeptOutput[] = [],
): string[] {
  const written = new Set(filesIn(into));
  const kept: string[] = [];
  /** The files to link, each with the file it is linked from. */
  const linked = new Map<string, string>();
  const link = (file: string) => {
    if (!written.has(file) && !linked.has(file)) linked.set(file, join(outDir, file));
  };
  // Each image once: the pages kept at 10,000 articles name them 135,000 times, and working out
  // each one's path every time took 0.2 s.
  const images = built?.files.map((asset) => `_astro/${asset}`) ?? [];
  for (const { path } of built ? unchangedPages(current, built, partition) : []) {
    const file = pageFile(path);
    if (written.has(file)) continue;
    link(file);
    for (const asset of built!.pages[path]!.assets) link(images[asset]!);
    kept.push(file);
  }
  /** What the files linked from the taken partitions are, as recorded when they were kept. */
  const known = new Map<string, FileId>();
  for (const { folder, files, ids } of taken) {
    for (const file of files) {
      const other = written.has(file) ? join(into, file) : linked.get(file);
      if (other === undefined) {
        linked.set(file, join(folder, file));
        const id = ids.get(file);
        if (id !== undefined) known.set(file, id);
      } else checkShared(file, join(folder, file), other);
    }
  }
  if (replaced !== undefined && existsSync(replaced.folder)) {
    const { folder } = replaced;
    // The search index is assembled in the same way, by buildSearchIndex. Astro's files are left
    // to be renamed over, which replaces a file as removing it first would.
    holdLinks(folder, replaced.surveyed, (file) => linked.get(file)!, new Set(linked.keys()), {
      left: (file) => file.startsWith(`${searchIndexFolder}/`) || written.has(file),
      known,
    });
    for (const file of written) {
      mkdirSync(dirname(join(folder, file)), { recursive: true });
      renameSync(join(into, file), join(folder, file));
    }
    rmSync(into, { recursive: true, force: true });
    renameSync(folder, into);
  } else {
    for (const [file, source] of linked) linkFile(source, join(into, file));
  }
  return kept;
}

/**
 * What the dated pages of the site built in `dir` were built from: their keys (with the code, for
 * search), from `current`, and the images they name, read from the pages, but for a page whose key
 * is the one in `previous` (built with the same code), whose bytes are the same. Written beside the
 * output once it is swapped in (`builtPagesFile`).
 */
export function builtPages(
  dir: string,
  code: string,
  current: SitePages,
  previous: BuiltPages | undefined,
): BuiltPages {
  const built: BuiltPages = { code, files: [], pages: {} };
  // Numbered anew, so that the table holds only the files pages still name (previousBuild looks
  // for each of them).
  const numbers = new Map<string, number>();
  const numbered = (asset: string) => {
    let number = numbers.get(asset);
    if (number === undefined) {
      number = built.files.push(asset) - 1;
      numbers.set(asset, number);
    }
    return number;
  };
  for (const { path, key, search } of current.pages) {
    if (key === undefined) continue;
    const before = previous?.code === code ? previous.pages[path] : undefined;
    built.pages[path] =
      before?.key === key
        ? { ...before, assets: before.assets.map((asset) => numbered(previous!.files[asset]!)) }
        : {
            key,
            assets: assetsInFile(join(dir, pageFile(path)))
              .sort()
              .map(numbered),
            // The code is part of what search reads: a new layout can index other text.
            ...(search && { search: digest(code, search) }),
          };
  }
  return built;
}

/** What the site's code is made of: a change to any of these can change any page. */
const codeFiles = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/**
 * The digest of the site's code (the files above, under `projectRoot`), which a partition's kept
 * output must have been built with to be taken again.
 */
export function codeDigest(projectRoot: string): string {
  const hash = createHash('sha256');
  for (const entry of codeFiles) {
    const path = join(projectRoot, entry);
    if (!existsSync(path)) continue;
    const files = statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, encoding: 'utf8' })
          .map((file) => join(path, file))
          .filter((file) => statSync(file).isFile())
          .sort()
      : [path];
    for (const file of files) hash.update(`${file.slice(projectRoot.length)}\0`).update(readFileSync(file));
  }
  return hash.digest('base64url');
}
