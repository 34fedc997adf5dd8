import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import { cacheDirFor, contentRoot } from './env.ts';

/**
 * Rendered article bodies, kept on disk beside Astro's cache instead of in its content store.
 *
 * Astro bundles the whole content store into the build as one module: with bodies in it that module
 * was 64 MB at 10,000 articles, every edit cost 40–65 s to compile it again, and at ~84,000 articles
 * it no longer fit in one JavaScript string (issue 11). Without bodies the store holds only what
 * listings need; a page or feed reads the bodies it shows, one by one (docs/architecture.md, scale).
 *
 * A body is stored under the digest of its source file and of the code that renders it
 * (`bodyKey`), so a file is written once, never changed, and a body that is there is the body of
 * that source as the code renders it now.
 */

/** The module that renders a body (src/markdown/render.ts), from the project's root. */
const renderer = 'src/markdown/render.ts';
/** An import or re-export of a module of the project (comments removed first): its relative specifier. */
const relativeImport = /^[ \t]*(?:import|export)\b(?:[^'";]*?\bfrom)?\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
/** Comments, which may quote an import that is not one, or hold a quote that hides one. */
const comments = /\/\*[\s\S]*?\*\/|\/\/.*$/gm;

/** The file a relative import from `file` names: TypeScript's specifiers may leave out `.ts` or say `.js`. */
function resolveImport(file: string, specifier: string): string {
  const path = resolve(dirname(file), specifier);
  const found = [path, path.replace(/\.js$/, '.ts'), `${path}.ts`, join(path, 'index.ts')].find(
    (candidate) => /\.\w+$/.test(candidate) && existsSync(candidate),
  );
  if (!found) throw new Error(`${file}: cannot find the module ${specifier}`);
  return found;
}

/**
 * The project's files that decide how a body is rendered: the renderer and every module it imports,
 * one from another (the remark and rehype plugins, their settings in src/site.config.ts), and the
 * lockfile, which pins the libraries'. Astro's content store reuses an entry whose file did not
 * change, so without these in a body's key a new plugin or setting would leave the stored bodies as
 * the old code rendered them.
 */
export function rendererFiles(projectRoot: string): string[] {
  const files = new Set([resolve(projectRoot, renderer)]);
  for (const file of files)
    for (const [, specifier] of readFileSync(file, 'utf8').replace(comments, '').matchAll(relativeImport))
      files.add(resolveImport(file, specifier!));
  return [...files, resolve(projectRoot, 'package-lock.json')].filter(existsSync).sort();
}

/** The digest of `rendererFiles`, computed once per sync. */
export function rendererDigest(projectRoot: string): string {
  const hash = createHash('sha256');
  for (const file of rendererFiles(projectRoot))
    hash
      .update(`${relative(projectRoot, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('base64url').slice(0, 16);
}

/** The key of the body of an article file whose digest is `fileDigest`, rendered by `renderer`. */
export function bodyKey(fileDigest: string, renderer: string): string {
  return `${fileDigest}-${renderer}`;
}

/** The folder of rendered bodies for an Astro cache folder. */
export function bodiesDir(cacheDir: string): string {
  return join(cacheDir, 'bodies');
}

/**
 * The content root's rendered bodies, which every Astro build of it writes and reads: partitions
 * built side by side each have an Astro cache folder of their own (`astroCacheDir`), and find the
 * bodies the first one rendered.
 */
export function contentBodies(): string {
  return bodiesDir(cacheDirFor(contentRoot()));
}

function bodyFile(dir: string, digest: string): string {
  if (!/^[\w-]+$/.test(digest)) throw new Error(`Not a body digest: ${digest}`);
  return join(dir, `${digest}.html`);
}

let writes = 0;

/**
 * Stores a body; written to a temporary file and renamed, so a stopped build leaves no half body.
 * In the thread that rendered it (src/markdown/render-pool.ts), at once: a body is a few kilobytes,
 * and writing it through `fs.promises` (a handle opened, written, closed, each a task of its own)
 * took more system time (docs/architecture.md, "Scale: bodies out of the content store").
 */
export function writeBody(dir: string, digest: string, html: string): void {
  const file = bodyFile(dir, digest);
  // Its own name per write: two article files with the same text are written at the same time, by
  // two threads perhaps.
  const partial = `${file}.${process.pid}.${threadId}.${(writes += 1)}.partial`;
  // The folder is made when it is missing, not asked for before every body (a second of a first sync).
  try {
    writeFileSync(partial, html);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dir, { recursive: true });
    writeFileSync(partial, html);
  }
  renameSync(partial, file);
}

/** The digest whose body `file` (a name in the folder) holds; none for a half-written one. */
function digestOf(file: string): string | undefined {
  return file.endsWith('.html') ? file.slice(0, -'.html'.length) : undefined;
}

/**
 * The digests of the stored bodies, from one read of the folder: a sync asks of every article, and
 * a check of each file was 10,000 calls to the file system at 10,000 articles.
 */
export function storedBodies(dir: string): Set<string> {
  if (!existsSync(dir)) return new Set();
  return new Set(readdirSync(dir).flatMap((file) => digestOf(file) ?? []));
}

/**
 * The stored body of `digest`, read at once: a body is a few kilobytes, and reading one through
 * `fs.promises` (a file handle opened, looked at, read and closed, each step a task of its own)
 * took 1.0-1.2 s for 10,000 bodies, four at a time as Astro renders pages, against 0.2 s so.
 */
export function readBody(dir: string, digest: string): string {
  return readFileSync(bodyFile(dir, digest), 'utf8');
}

/** Removes every stored body but those of `keep` (the digests the content store still holds). */
export function pruneBodies(dir: string, keep: ReadonlySet<string>): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const file of readdirSync(dir)) {
    const digest = digestOf(file);
    if (digest !== undefined && keep.has(digest)) continue;
    rmSync(join(dir, file), { force: true });
    removed += 1;
  }
  return removed;
}
