import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import type { Gated } from './publishing.ts';
import { articleFiles, fileLooks, isArticleFile, looksSettled } from './article-files.ts';
import { bodyKey, bodiesDir, pruneBodies, readBody, rendererDigest, storedBodies } from './bodies.ts';
import { bodyReadingMinutes } from './reading-time.ts';
import { figuresFromMarkdown } from './figures.ts';
import { articleBody, parseFrontmatter, splitFrontmatter } from './frontmatter.ts';
import { inlineRenderer, rendererOptions } from '../markdown/render.ts';
import { renderPool, storing } from '../markdown/render-pool.ts';
import type { StoreBody } from '../markdown/render-pool.ts';
import { bodyDigest, writeRenderedFacts } from './lint/body-facts.ts';
import type { BodyFacts } from './lint/body-facts.ts';
import { recordStoreDrift } from './store-module.ts';
import { renderedFactsFile } from './env.ts';

/**
 * Articles: every `<content>/articles/**\/*.md` (`syncArticleFiles`, Astro's glob loader as we use
 * it), with these changes.
 * - Frontmatter is read by src/lib/frontmatter.ts, as the linter reads it: timestamps stay the text
 *   the editor wrote, so a date without an offset can be refused instead of read as UTC. Astro's
 *   YAML reader is not run at all (`entryInfo`).
 * - The body's figures are added as `bodyFigures`, so their images are resolved and optimized by
 *   `astro:assets` and checked by the schema (alt text required) like the hero.
 * - Only articles that `include` accepts enter the content store. In a production build that is the
 *   published ones, so a draft is never rendered nor its photos imported (docs/architecture.md,
 *   guarantee 1).
 * - Bodies are rendered on `jobs` threads (src/markdown/render-pool.ts), each written by the thread
 *   that rendered it, out of the content store, to the folder `bodies` (src/lib/bodies.ts): the
 *   store keeps each body's key and reading time.
 * - An entry whose body is no longer on disk, or was rendered by other code, is rendered again.
 * - With `skipBroken` (the dev preview), an article that cannot be read, validated or rendered is
 *   logged and left out, instead of stopping the dev server and every page with it; the preview shows
 *   its problems at its URL (src/lib/broken-articles.ts). A build never skips: it stops.
 */
export function articleLoader(
  base: string,
  bodies: string,
  include: (data: Gated) => boolean,
  jobs: number,
  skipBroken = false,
): Loader {
  let storeInline: Promise<StoreBody> | undefined;
  return {
    name: 'broadsheet-articles',
    load: async (context) => {
      const dir = bodies;
      const options = rendererOptions(context.config);
      // The first load renders the archive on every core, starting the threads only once more
      // bodies need rendering than this thread renders in the time they take to start; the dev
      // server's later reloads render one file at a time, in this thread.
      let pool: ReturnType<typeof renderPool> | undefined;
      let loaded = false;
      let asked = 0;
      // The content rules' facts of each body rendered, for a build's check to take rather than
      // parse every body again (src/lib/lint/body-facts.ts).
      const factsFile = renderedFactsFile();
      const facts = new Map<string, BodyFacts>();
      const render: StoreBody = async (markdown, filePath, place) => {
        asked += 1;
        const rendered = await (!loaded && rendersOnThreads(jobs, asked)
          ? (pool ??= renderPool(jobs, options, context.config.root)).store(markdown, filePath, place)
          : (await (storeInline ??= inlineRenderer(options).then(storing)))(markdown, filePath, place));
        if (factsFile) facts.set(bodyDigest(markdown), rendered.facts);
        return rendered;
      };
      // What a skipped article leaves behind: a broken file in the terminal, not a stopped server.
      const skip = (error: unknown) => {
        if (!skipBroken) throw error;
        context.logger.error((error as Error).message);
      };
      const rendering: Promise<void>[] = [];
      const renderer = rendererDigest(fileURLToPath(context.config.root));
      const keyOf = (fileDigest: unknown) => bodyKey(String(fileDigest), renderer);
      const store = bodyStore(context.store, include, dir, storedBodies(dir), keyOf, (done) => {
        rendering.push(done(render).catch(skip));
      });
      // Astro saves the whole content store 500 ms after its last change. Its own first changes come
      // before this loader reads a file, and reading 10,000 that did not change changes nothing, so
      // it serialized the store in the middle of the sync (twice at 10,000 articles, 0.6 s each)
      // before the save that counts, at its end. A change now and every 200 ms puts that save off
      // until then.
      const touch = () => {
        context.meta.set('renderer', renderer);
      };
      touch();
      const putOffSaving = setInterval(touch, 200);
      try {
        await syncArticleFiles(base, {
          ...context,
          store,
          parseData: async ({ source, ...props }) => {
            try {
              return await context.parseData({ ...props, data: readArticle(props.filePath, source) });
            } catch (error) {
              skip(error);
              return refused;
            }
          },
        });
        const failures = (await Promise.allSettled(rendering)).flatMap((result) =>
          result.status === 'rejected' ? [(result.reason as Error).message] : [],
        );
        if (failures.length > 0)
          throw new Error(`Article bodies could not be rendered:\n${failures.join('\n')}`);
        if (factsFile && facts.size > 0) writeRenderedFacts(factsFile, facts);
      } finally {
        clearInterval(putOffSaving);
        // The threads end with the first load; the dev server's reloads render in this thread.
        loaded = true;
        await pool?.close();
      }
      // Only by the build whose cache folder holds the bodies: an older partition building beside
      // others, in a folder of its own, would remove the half-written bodies of another.
      if (dir === bodiesDir(fileURLToPath(context.config.cacheDir)))
        pruneBodies(dir, new Set(context.store.values().flatMap((entry) => bodyOf(entry)?.key ?? [])));
    },
  };
}

/** The data of an article that could not be read or validated: the store drops it. */
const refused = Object.freeze({});

/**
 * What `syncArticleFiles` uses of a loader's context; its `parseData` is also handed the text of the
 * file, which the sync has read already.
 */
export type FilesContext = Pick<
  LoaderContext,
  'config' | 'store' | 'meta' | 'logger' | 'watcher' | 'generateDigest'
> & {
  parseData: (props: {
    id: string;
    data: Record<string, unknown>;
    filePath: string;
    source: string;
  }) => Promise<Record<string, unknown>>;
};

/** A part of the content store Astro does not declare. */
type AssetStore = DataStore & { addAssetImports: (assets: string[], filePath: string) => void };

/** Files that changed are read and parsed this many at a time, as the glob loader does. */
const changedAtOnce = 10;

/**
 * Syncs the store with the article files under `base`, as Astro's glob loader
 * (astro/dist/content/loaders/glob.js) does for us, with two differences. An unchanged file is
 * found by the digest of its text alone, read synchronously, against the entry stored from the
 * same path: the glob loader read every file through `fs.promises` ten at a time and split its
 * frontmatter before comparing, which took 8.5 s of each sync at 100,000 articles and made most of
 * its garbage (reading them in turn takes 1.6 s). And nothing is rendered here: the store renders
 * once an entry is accepted (`bodyStore`), so the glob loader's Markdown entry type, whose render
 * function we had to take out, is not used at all. An entry's id comes from `articleId`.
 *
 * Nor is a file read whose size, times and inode are those the last sync recorded with its digest
 * (`fileLooks`, in the store's meta as `files`): looking at a file is a fraction of reading and
 * digesting it. Only files whose looks are settled at the sync (`looksSettled`, at `lookedAt`) are
 * recorded.
 */
export async function syncArticleFiles(
  base: string,
  context: FilesContext,
  lookedAt = Date.now(),
): Promise<void> {
  const { config, store, meta, logger, watcher, generateDigest, parseData } = context;
  const root = fileURLToPath(config.root);
  const untouched = new Set(store.keys());
  // The watcher names files by their absolute path.
  const idOfFile = new Map<string, string>();
  const keep = (id: string, entry: NonNullable<ReturnType<DataStore['get']>>, file: string) => {
    untouched.delete(id);
    idOfFile.set(file, id);
    // As the glob loader does for an unchanged entry: the store collects the photos to import anew.
    if (entry.assetImports?.length)
      (store as AssetStore).addAssetImports(entry.assetImports, entry.filePath!);
  };
  const sync = async (file: string, oldId?: string) => {
    const contents = readFileSync(file, 'utf8');
    const { body, data } = entryInfo(contents);
    const id = articleId(relative(base, file), data);
    if (oldId !== undefined && oldId !== id) store.delete(oldId);
    untouched.delete(id);
    const existing = store.get(id);
    const digest = generateDigest(contents);
    const filePath = posix(relative(root, file));
    if (existing?.digest === digest && existing.filePath === filePath) {
      keep(id, existing, file);
      return;
    }
    // Moved, unchanged: the store sets nothing of a digest it holds, and its entry, stored from the
    // old path, would look for the article's photos there (Astro's glob loader failed so).
    if (existing?.digest === digest) store.delete(id);
    const parsed = await parseData({ id, data, filePath: file, source: contents });
    if (existing?.filePath && existing.filePath !== filePath && existsSync(resolve(root, existing.filePath)))
      throw new Error(`${filePath}: the slug "${id}" is also used by ${existing.filePath}.`);
    store.set({ id, data: parsed, body, filePath, digest });
    idOfFile.set(file, id);
  };

  const stored = new Map(
    store.values().flatMap((entry) => (entry.filePath ? [[entry.filePath, entry.id]] : [])),
  );
  const looked = recordedLooks(meta.get('files'));
  const looks: Record<string, [string, string]> = {};
  let unlooked = 0;
  const changed = articleFiles(base).flatMap((path) => {
    const file = join(base, path);
    const filePath = posix(relative(root, file));
    const id = stored.get(filePath);
    const entry = id === undefined ? undefined : store.get(id);
    const stats = statSync(file);
    const looksNow = fileLooks(stats);
    const [looksThen, digestThen] = looked[filePath] ?? [];
    if (looksNow !== looksThen) unlooked += 1;
    const digest = looksNow === looksThen ? digestThen! : generateDigest(readFileSync(file, 'utf8'));
    if (looksSettled(stats, lookedAt)) looks[filePath] = [looksNow, digest];
    if (entry?.digest !== digest) return [file];
    keep(id!, entry, file);
    return [];
  });
  meta.set('files', JSON.stringify(looks));
  const queue = changed.values();
  await Promise.all(
    Array.from({ length: changedAtOnce }, async () => {
      for (const file of queue) await sync(file);
    }),
  );
  for (const id of untouched) store.delete(id);
  recordStoreDrift({ changed: changed.length + untouched.size, unlooked, total: store.keys().length });

  // The dev preview: a file added, changed or removed while the server runs.
  if (!watcher) return;
  watcher.add(base);
  const onChange = async (file: string) => {
    if (!isArticleFile(relative(base, file))) return;
    try {
      await sync(file, idOfFile.get(file));
      logger.info(`Reloaded data from ${relative(base, file)}`);
    } catch (error) {
      logger.error(`Failed to reload ${relative(base, file)}: ${(error as Error).message}`);
    }
  };
  watcher.on('change', (file) => void onChange(file));
  watcher.on('add', (file) => void onChange(file));
  watcher.on('unlink', (file) => {
    const id = idOfFile.get(file);
    if (id === undefined) return;
    store.delete(id);
    idOfFile.delete(file);
  });
}

const posix = (path: string) => path.split(sep).join('/');

/** The looks and digests the last sync recorded, by path (none before the first). */
function recordedLooks(recorded: string | undefined): Record<string, [string, string] | undefined> {
  return recorded === undefined ? {} : (JSON.parse(recorded) as Record<string, [string, string]>);
}

/**
 * What a sync reads of an article file that is new or changed (`syncArticleFiles`): the fields it
 * names the entry from (`articleId`) and the body. Astro's glob loader parsed every file's YAML
 * (10,000 of them for one new story); this splits the file at its fences and reads the YAML, with
 * our reader, only when it names a `slug`. The fields of a changed file are read by
 * `readArticle`, which also reports a broken frontmatter (with its line), in a build or the preview.
 */
export function entryInfo(contents: string): { data: Record<string, unknown>; body: string } {
  const split = splitFrontmatter(contents);
  const { body } = articleBody(contents, split);
  // Any mention: a slug may be set in a flow mapping, an indented one, behind an anchor…
  if (typeof split === 'string' || !split.yaml.includes('slug')) return { data: {}, body };
  return { data: parseFrontmatter(contents).data, body };
}

/** Bodies rendered in this thread before `jobs` threads start: about what a thread takes to start. */
export const bodiesBeforeThreads = 50;

/**
 * Whether the `asked`th body of a load is rendered on the `jobs` threads: not the first
 * `bodiesBeforeThreads`, for starting a worker (most of a second, loading the pipeline) costs more
 * than rendering a few bodies here. A publish or an edit renders one or two, and waited for the
 * threads to start; a cold build renders the rest of the archive on every core.
 */
export function rendersOnThreads(jobs: number, asked: number): boolean {
  return jobs > 1 && asked > bodiesBeforeThreads;
}

/** What the content store keeps of an article's body. */
export interface StoredBody {
  /** Where src/lib/bodies.ts keeps the rendered HTML: the digests of the article file and the renderer. */
  key: string;
  readingMinutes: number;
}

type Entry = Parameters<DataStore['set']>[0];

/** The stored body of an entry, if it has one. */
export function bodyOf(entry: {
  rendered?: { metadata?: Record<string, unknown> } | undefined;
}): StoredBody | undefined {
  return entry.rendered?.metadata?.['body'] as StoredBody | undefined;
}

/**
 * The store, but entries `include` refuses are removed instead of stored or reused, and an accepted
 * entry is stored once its body is rendered and written to `dir` under `keyOf` its file's digest;
 * `dir` held the bodies `stored` when the sync began. `later` is handed each render, to run it with
 * a renderer and keep its promise.
 */
export function bodyStore(
  store: DataStore,
  include: (data: Gated) => boolean,
  dir: string,
  stored: ReadonlySet<string>,
  keyOf: (fileDigest: unknown) => string,
  later: (done: (render: StoreBody) => Promise<void>) => void,
): DataStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'set') {
        return (entry: Entry) => {
          if (entry.data === refused || !include(entry.data as unknown as Gated)) {
            // An article that was published in an earlier sync and is a draft (or broken) now must go too.
            target.delete(entry.id);
            return false;
          }
          const { body = '', digest, filePath } = entry;
          const key = keyOf(digest);
          later(async (render) => {
            let readingMinutes: number;
            if (stored.has(key)) {
              // Stored by an earlier sync, into a content store since emptied (--force, or an older
              // partition's first build in a cache folder of its own): its key says it is this file
              // as this code renders it.
              readingMinutes = bodyReadingMinutes(readBody(dir, key));
            } else {
              const where = filePath ?? entry.id;
              const rendered = await render(body, filePath ?? '', { dir, key }).catch((error: unknown) => {
                // Its earlier version must not stay in the store as if it were the current one.
                target.delete(entry.id);
                throw new Error(`${where}: ${(error as Error).message}`);
              });
              readingMinutes = rendered.readingMinutes;
            }
            const kept: StoredBody = { key, readingMinutes };
            target.set({ ...entry, body: undefined, rendered: { html: '', metadata: { body: kept } } });
          });
          return true;
        };
      }
      if (property === 'get') {
        // A cached entry stored by an earlier sync (a dev preview, a later clock) is dropped when it
        // is not to be published now; otherwise the loader would reuse it and import its photos.
        // One whose body is gone from disk, or was rendered by other code, is dropped too, to be
        // rendered again.
        return (id: string) => {
          const entry = target.get(id);
          if (!entry) return undefined;
          const body = bodyOf(entry);
          const current = body?.key === keyOf(entry.digest) && stored.has(body.key);
          if (!include(entry.data as unknown as Gated) || !current) {
            target.delete(id);
            return undefined;
          }
          return entry;
        };
      }
      // Methods run on the store itself, not the proxy (the store keeps private state).
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The article id: its `slug`, else the file name, or the folder name for `<folder>/index.md`. */
export function articleId(entry: string, data: Record<string, unknown>): string {
  if (typeof data['slug'] === 'string' && data['slug']) return data['slug'];
  const name = basename(entry, '.md');
  return name === 'index' ? basename(dirname(entry)) : name;
}

/**
 * The data, as the schema sees it, of the article file at `filePath` whose text is `source`:
 * frontmatter (timestamps as text) plus body figures, with every photo beside the article named
 * from it ("./photo.jpg", not "photo.jpg").
 */
export function readArticle(filePath: string, source: string): Record<string, unknown> {
  const { data, errors, body } = parseFrontmatter(source);
  const [error] = errors;
  if (error) throw new Error(`${filePath}:${error.line}:${error.column}: ${error.message}`);
  const explicit = <T>(photo: T): T => {
    const src = (photo as { src?: unknown } | null)?.src;
    return typeof src === 'string' && besideOnly(src, dirname(filePath))
      ? { ...photo, src: `./${src}` }
      : photo;
  };
  return {
    ...data,
    ...(data['hero'] !== undefined && { hero: explicit(data['hero']) }),
    bodyFigures: figuresFromMarkdown(body).map(explicit),
  };
}

/**
 * Whether `src` names a file in `dir` the way Astro's `image()` reads it only with the entry's
 * folder in hand: no "./", "/" or scheme. Named "./" beforehand, it needs no entry, and one article
 * schema serves every entry (src/lib/collections.ts).
 */
function besideOnly(src: string, dir: string): boolean {
  if (!src || src.includes('://') || src.startsWith('/') || src.startsWith('.')) return false;
  return existsSync(resolve(dir, src));
}
