import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Rendered article bodies, kept on disk beside Astro's cache instead of in its content store.
 *
 * Astro bundles the whole content store into the build as one module: with bodies in it that module
 * was 64 MB at 10,000 articles, every edit cost 40–65 s to compile it again, and at ~84,000 articles
 * it no longer fit in one JavaScript string (issue 11). Without bodies the store holds only what
 * listings need; a page or feed reads the bodies it shows, one by one (docs/architecture.md, scale).
 *
 * A body is stored under the digest of its source file, so a file is written once, never changed,
 * and a body that is there is the body of that source.
 */

/** The folder of rendered bodies for an Astro cache folder. */
export function bodiesDir(cacheDir: string): string {
  return join(cacheDir, 'bodies');
}

function bodyFile(dir: string, digest: string): string {
  if (!/^[\w-]+$/.test(digest)) throw new Error(`Not a body digest: ${digest}`);
  return join(dir, `${digest}.html`);
}

let writes = 0;

/**
 * Stores a body; written to a temporary file and renamed, so a stopped build leaves no half body.
 * Without blocking: a first sync writes every body, and written one at a time they held the
 * loader's thread a quarter of the time.
 */
export async function writeBody(dir: string, digest: string, html: string): Promise<void> {
  const file = bodyFile(dir, digest);
  await mkdir(dir, { recursive: true });
  // Its own name per write: two article files with the same text are written at the same time.
  const partial = `${file}.${process.pid}.${(writes += 1)}.partial`;
  await writeFile(partial, html);
  await rename(partial, file);
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

/** The stored body of `digest`. */
export function readBody(dir: string, digest: string): Promise<string> {
  return readFile(bodyFile(dir, digest), 'utf8');
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
