import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** The query flag of an import Astro writes for a photo a content entry names (astro/dist/content/consts.js). */
export const contentImageFlag = 'astroContentImageFlag';

/**
 * The file that the import of a content entry's photo names, as Astro writes it into
 * content-assets.mjs (`<path>?astroContentImageFlag=&importer=<the entry's file from the root>`),
 * when the path is relative to the entry's file, as an article names its photo: the path from the
 * entry's folder, which is where Vite's resolution of it from that file looks. Undefined for any
 * other import (an alias, a path from the root, one with `%`, `#` or `?` of its own, which a URL
 * reads otherwise), which Astro resolves as it does.
 */
export function contentPhotoFile(id: string, root: string): string | undefined {
  const query = id.indexOf('?');
  if (query === -1) return undefined;
  const path = id.slice(0, query);
  const params = new URLSearchParams(id.slice(query + 1));
  const importer = params.get('importer');
  if (!params.has(contentImageFlag) || !importer || /[#%?]/.test(importer)) return undefined;
  if (!/^\.\.?\//.test(path) || /[#%]/.test(path)) return undefined;
  return resolve(root, importer, '..', path);
}

/**
 * What Astro's import of a photo tells of it besides its address (`imageMetadata`,
 * astro/dist/assets/utils/metadata.js).
 */
export interface PhotoFacts {
  width: number;
  height: number;
  format: string;
  orientation?: number;
}

/**
 * An article's photo as a build emitted it: how its file looked then (`photoLooks`), the name Vite
 * gave the original in the output (`_astro/<name>.<hash>.<ext>`) and its facts. The next build
 * takes these for a file that looks the same, without reading it.
 */
export interface KnownPhoto {
  looks: string;
  name: string;
  facts: PhotoFacts;
}

/** The photos a build knows, by their real path. */
export type KnownPhotos = Map<string, KnownPhoto>;

/**
 * The line a build logs of its photos: those it `read` (by path), by name when they are the few a
 * publish or an edit reads, and how many it took as the last build `kept` them.
 */
export function photosReport(read: readonly string[], kept: number): string {
  const names =
    read.length > 0 && read.length <= 5 ? ` (${read.map((file) => basename(file)).join(', ')})` : '';
  return `Articles' photos: ${read.length} read${names}, ${kept} taken as the last build recorded them.`;
}

/** Where a build's Astro cache folder keeps the photos it knows. */
export const photoRecordFile = (astroCache: string): string => join(astroCache, 'content-photos.json');

/**
 * The photos recorded in `file` by a build whose names were given as `stamp` says (the lockfile's
 * packages, the output's folder of assets): none from another, or from no readable record.
 */
export function readKnownPhotos(file: string, stamp: string): KnownPhotos {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as {
      stamp?: unknown;
      photos?: Record<string, KnownPhoto>;
    };
    return new Map(record.stamp === stamp && record.photos ? Object.entries(record.photos) : []);
  } catch {
    return new Map();
  }
}

/** Records `photos`, whole or not at all: a build cut short leaves the record before it. */
export function writeKnownPhotos(file: string, stamp: string, photos: KnownPhotos): void {
  const sorted = Object.fromEntries([...photos].sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(`${file}.partial`, JSON.stringify({ stamp, photos: sorted }));
  renameSync(`${file}.partial`, file);
}

/**
 * What the module of a known photo exports, as Astro's own import of it gives it once Vite has
 * named the emitted original: its address under the site's `base` first, then its facts in Astro's
 * order.
 */
export function knownPhotoImage(known: KnownPhoto, base: string): { src: string } & PhotoFacts {
  const { width, height, format, orientation } = known.facts;
  return { src: `${base}${known.name}`, width, height, format, orientation };
}

/** Where Astro's sync writes the module of the content store's photo imports, from the project. */
export const photoImportsFile = '.astro/content-assets.mjs';

/**
 * An import of that module, as Astro writes it (`writeAssetImports`,
 * astro/dist/content/mutable-data-store.js).
 */
const photoImport = /^import (__ASTRO_IMAGE_IMPORT_\d+) from ("(?:[^"\\]|\\.)*");$/gm;

/**
 * The module of the content store's photo imports with each import whose photo `known` gives a
 * value for (an expression, from the import's path) replaced by that value, under the import's
 * name. Every other import is left as it is.
 */
export function withKnownPhotos(code: string, known: (path: string) => string | undefined): string {
  return code.replace(photoImport, (line, name: string, path: string) => {
    const value = known(JSON.parse(path) as string);
    return value === undefined ? line : `const ${name} = ${value};`;
  });
}

/** The paths the module of the content store's photo imports imports, in its order. */
export function photoImportPaths(code: string): string[] {
  return [...code.matchAll(photoImport)].map((match) => JSON.parse(match[2]!) as string);
}

/**
 * The photos, of those given with their sizes in bytes, that have the size of another photo of
 * another name. Vite emits the original of photos with the same bytes once, named by one of the
 * names it was given, so a build must emit them all, as a build that reads every photo does, for
 * that name to be the same; photos of the same size are taken for the same bytes, which costs at
 * worst a read of each. Photos of one name and the same bytes (one photo used under its name in
 * two folders) get the same name whichever of them is emitted.
 */
export function samePhotos(sizes: ReadonlyMap<string, number>): Set<string> {
  const bySize = Map.groupBy(sizes.keys(), (file) => sizes.get(file)!);
  return new Set(
    [...bySize.values()].filter((files) => new Set(files.map((file) => basename(file))).size > 1).flat(),
  );
}

/**
 * The source of a function `(image, fsPath)` that returns the module value Astro's `getProxyCode`
 * (astro/dist/assets/utils/proxy.js) writes for an image with those properties and path: Astro's
 * own code, so that a photo made by it behaves as one Astro imports. Undefined when that code no
 * longer takes both as JSON, as it did when this was written.
 */
export function photoFactory(getProxyCode: (image: object, ssr: boolean) => string): string | undefined {
  const [image, fsPath] = ['__broadsheet_image__', '__broadsheet_fs_path__'];
  const code = getProxyCode({ toJSON: () => image, fsPath }, false);
  const quoted = [JSON.stringify(image), JSON.stringify(fsPath)];
  if (!quoted.every((each) => code.includes(each))) return undefined;
  return `(image, fsPath) => ${code.replaceAll(quoted[0]!, 'image').replaceAll(quoted[1]!, 'fsPath')}`;
}

/**
 * How a photo's file looks to the build without reading it: its inode, size and time of change, as
 * `fileLooks` (src/lib/article-files.ts) takes an article file's, but not the time its inode last
 * changed (ctime), which a link to the file changes: the build links an original it did not read
 * where the image step reads it, and then deletes the link, so that photo would look changed at
 * every build that made one of its renditions again; and a newsroom's photo used by two articles
 * under two names, or a corpus of links, at every such build of any of them.
 */
export function photoLooks({ ino, size, mtimeMs }: Stats): string {
  return `${ino}:${size}:${mtimeMs}`;
}
