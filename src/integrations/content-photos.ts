import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { emitClientAsset } from 'astro/assets/utils';
import { emitImageMetadata } from 'astro/assets/utils/node';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { looksSettled } from '../lib/article-files.ts';
import {
  contentImageFlag,
  contentPhotoFile,
  knownPhotoImage,
  photoFactory,
  photoImportsFile,
  photoImportPaths,
  photoLooks,
  photoRecordFile,
  photosReport,
  readKnownPhotos,
  samePhotos,
  withKnownPhotos,
  writeKnownPhotos,
} from '../lib/content-photos.ts';
import type { KnownPhoto, KnownPhotos, PhotoFacts } from '../lib/content-photos.ts';
import { linkFile } from '../lib/links.ts';
import { astroModule } from './astro-module.ts';

/** The import of a content photo, as either resolver gives it. */
const contentPhotoId = new RegExp(`[?&]${contentImageFlag}(?:[&=]|$)`);

/**
 * The articles' photos, imported by the content-assets.mjs Astro writes (one import per article
 * with a photo), as a build needs them:
 *
 * - Resolved before Astro's own resolver of them (`astro:content-asset-propagation`), which asks
 *   Vite to resolve each path from its article through every plugin, and grew faster than the
 *   archive: 0.08 s at 10,000 articles (2,000 imports; profiled), and at 100,000 (20,012) Vite's
 *   bundle of a publish took 7.5–10.4 s with it and 4.0–4.5 s without. The module is the one
 *   Astro's gives: the photo's real path (Vite follows links to a file) with the flag. A photo that
 *   is not there, or an import that is not a path from the article, is left to Astro, whose error
 *   names it.
 * - In a build, loaded without reading a photo whose file looks as it did at the last build
 *   (`knownContentPhotos`).
 */
export function contentPhotos(): AstroIntegration {
  return {
    name: 'broadsheet:content-photos',
    hooks: {
      'astro:config:setup': ({ command, config, logger, updateConfig }) => {
        const root = fileURLToPath(config.root);
        const plugins = [resolveContentPhotos(root)];
        // Not where Astro names the originals otherwise (a prefix of their own) or renders pages on
        // demand, where its import of a photo differs.
        if (command === 'build' && config.output === 'static' && !config.build.assetsPrefix) {
          plugins.push(
            knownContentPhotos({
              root,
              record: photoRecordFile(fileURLToPath(config.cacheDir)),
              stamp: namingStamp(root, config.build.assets),
              outDir: fileURLToPath(config.outDir),
              logger,
            }),
          );
        }
        updateConfig({ vite: { plugins } });
      },
    },
  };
}

function resolveContentPhotos(root: string): Plugin {
  return {
    name: 'broadsheet:content-photos',
    resolveId: {
      // Before Astro's plugin, which is also one Vite runs first (`enforce: 'pre'`).
      order: 'pre',
      filter: { id: contentPhotoId },
      handler(id) {
        const file = contentPhotoFile(id, root);
        if (file === undefined) return null;
        try {
          const real = realpathSync.native(file);
          return statSync(real).isFile() ? `${real}?${contentImageFlag}` : null;
        } catch {
          return null;
        }
      },
    },
  };
}

/**
 * What the names Vite gives the emitted originals depend on besides a photo's name and bytes: the
 * packages that hash them (the lockfile) and the output's folder of assets.
 */
function namingStamp(root: string, assets: string): string {
  const lockfile = join(root, 'package-lock.json');
  const packages = existsSync(lockfile)
    ? createHash('sha256').update(readFileSync(lockfile)).digest('hex')
    : '';
  return `${packages}:${assets}`;
}

/** Astro's module that writes the code of a photo's module (astro/dist/assets/utils/proxy.js). */
interface ProxyModule {
  getProxyCode: (image: object, ssr: boolean) => string;
}

/**
 * Loads the articles' photos in a build as Astro's image plugin does (`astro:assets:esm`), but a
 * photo whose file looks as it did when the last build emitted it (`photoLooks`, much as the sync
 * takes an article file) is neither read nor a module: the module of the content store's photo
 * imports (`photoImportsFile`) holds its value in place of its import, made by Astro's own code
 * (`photoFactory`) from that build's record (`KnownPhoto`), with the name Vite gave the original
 * then. Astro's plugin read every photo the content store names, in every build, and wrote it into
 * the output as `_astro/<name>.<hash>.<ext>` for the image step to read, after which the originals
 * no page links to were deleted (src/integrations/prune-assets.ts); and Vite bundled each as a
 * module of its own. A newsroom whose every fifth story has a photo of its own has 2,000 at 10,000
 * articles, 20,000 at 100,000.
 *
 * The image step still reads an original where Astro's image cache lacks a rendition a page asks
 * for (a new width, a cache cleared). The original of a known photo the pages ask renditions of is
 * linked where it looks (`linkOriginalsAsked`): a link costs no copy, and the unused ones go with
 * the originals no page links to.
 */
function knownContentPhotos({
  root,
  record,
  stamp,
  outDir,
  logger,
}: {
  root: string;
  record: string;
  stamp: string;
  outDir: string;
  logger: AstroIntegrationLogger;
}): Plugin {
  const known = readKnownPhotos(record, stamp);
  const imports = join(root, photoImportsFile);
  // This build's photos: those known, and those read, which get their name once Vite gives it.
  const kept: KnownPhotos = new Map();
  const read = new Map<string, { looks: string | undefined; handle: string; facts: PhotoFacts }>();
  // The originals not written to the output, by the path Astro knows them by (`fsPath`).
  const unwritten = new Map<string, { file: string; target: string }>();
  let base = '/';
  // Astro's module of a photo's code, found once for the build's thousands of loads.
  let proxyModule: Promise<ProxyModule> | undefined;
  /**
   * The module of the photo imports (`code`) with the value of each known photo in place of its
   * import: a photo whose file looks as the record has it, and whose bytes no photo of another
   * name in the build may have (`samePhotos`). Undefined when an import names no file the build can
   * look at (a path not from its article), whose bytes could be a known photo's.
   */
  const withKnown = (code: string): string | undefined => {
    const files = new Map<string, string>();
    for (const path of photoImportPaths(code)) {
      const named = contentPhotoFile(path, root);
      const file = named === undefined ? undefined : realPath(named);
      if (file === undefined) return undefined;
      files.set(path, file);
    }
    // Each photo looked at once, for its size and its looks.
    const stats = new Map<string, Stats>();
    for (const file of new Set(files.values())) {
      const looked = statSync(file, { throwIfNoEntry: false });
      if (looked) stats.set(file, looked);
    }
    const same = samePhotos(new Map([...stats].map(([file, { size }]) => [file, size])));
    return withKnownPhotos(code, (path) => {
      const file = files.get(path)!;
      const photo = known.get(file);
      const looked = stats.get(file);
      if (same.has(file) || !photo || !looked || photo.looks !== photoLooks(looked)) return undefined;
      const fsPath = astroPath(file);
      kept.set(file, photo);
      unwritten.set(fsPath, { file, target: join(outDir, photo.name) });
      return `__knownPhoto(${JSON.stringify(knownPhotoImage(photo, base))}, ${JSON.stringify(fsPath)})`;
    });
  };
  return {
    name: 'broadsheet:known-content-photos',
    configResolved: (config) => {
      base = config.base;
    },
    load: {
      // Before Astro's loads of the two: the content plugin's, which reads the imports' module as
      // it is, and the image plugin's (`enforce: 'pre'` too), which reads the photo.
      order: 'pre',
      filter: { id: [contentPhotoId, new RegExp(`^${escapeRegExp(imports)}$`)] },
      async handler(id) {
        if (this.environment.config.consumer !== 'server') return null;
        proxyModule ??= astroModule('dist/assets/utils/proxy.js') as Promise<ProxyModule>;
        const { getProxyCode } = await proxyModule;
        if (id === imports) {
          const factory = photoFactory(getProxyCode);
          if (factory === undefined) {
            logger.warn("Astro's module of a photo is not as this build knows it: every photo is read.");
            return null;
          }
          const { createContentDataIncrementalMetadata } = (await astroModule(
            'dist/core/build/incremental-metadata.js',
          )) as { createContentDataIncrementalMetadata: () => Record<string, unknown> };
          const code = withKnown(readFileSync(imports, 'utf8'));
          if (code === undefined) return null;
          return {
            code: `const __knownPhoto = ${factory};\n${code}`,
            // As Astro's: content, whose changes its incremental build does not follow.
            meta: createContentDataIncrementalMetadata(),
          };
        }
        const file = photoOfId(id);
        const stats = file === undefined ? undefined : statSync(file, { throwIfNoEntry: false });
        // Astro's plugin names a photo that is not there.
        if (file === undefined || !stats) return null;
        const image = await emitImageMetadata(file, (options) => emitClientAsset(this, options));
        if (!image) return null;
        const handle = /^__ASTRO_ASSET_IMAGE__([\w$]+)__$/.exec(image.src)?.[1];
        if (handle) {
          const { width, height, format, orientation } = image;
          read.set(file, {
            // Looks taken within a clock tick of a change could stay the same through another.
            looks: looksSettled(stats, Date.now()) ? photoLooks(stats) : undefined,
            handle,
            facts: { width, height, format, orientation },
          });
        }
        return { code: `export default ${getProxyCode(image, false)}` };
      },
    },
    generateBundle() {
      if (this.environment.config.consumer !== 'server' || kept.size + read.size === 0) return;
      const photos: KnownPhotos = new Map(kept);
      for (const [file, { looks, handle, facts }] of read) {
        if (looks !== undefined)
          photos.set(file, { looks, name: this.getFileName(handle), facts } satisfies KnownPhoto);
      }
      writeKnownPhotos(record, stamp, photos);
      logger.info(photosReport([...read.keys()], kept.size));
    },
    buildApp: {
      // After Vite has built every environment, and before Astro's own hook of this order (a plugin
      // of `enforce: 'post'`) renders the pages and makes the renditions they ask for.
      order: 'post',
      handler() {
        linkOriginalsAsked(unwritten);
        return Promise.resolve();
      },
    },
  };
}

/** A file's real path (Vite follows links to a file), if it is there. */
function realPath(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The images Astro's image step makes renditions of, by their address (`staticImages`,
 * astro/dist/assets/build/generate.js).
 */
type StaticImages = Map<string, { originalSrcPath?: string }>;

/**
 * Has the original of a photo not written to the output (`unwritten`, by the path Astro knows it
 * by) linked where the image step reads it, as soon as Astro lists the photo among those it makes
 * renditions of: when a page asks for one (`addStaticImage`), or when Astro restores a page of its
 * own cache with the renditions it asked for (`restoreStaticImages`). Both add the photo to the one
 * list the image step then works through.
 */
function linkOriginalsAsked(unwritten: Map<string, { file: string; target: string }>): void {
  const assets = (globalThis as { astroAsset?: { staticImages?: StaticImages } }).astroAsset;
  if (!assets || unwritten.size === 0) return;
  const link = (fsPath: string | undefined) => {
    const original = fsPath === undefined ? undefined : unwritten.get(fsPath);
    if (fsPath === undefined || !original) return;
    unwritten.delete(fsPath);
    if (!existsSync(original.target)) linkFile(original.file, original.target);
  };
  const images: StaticImages = (assets.staticImages ??= new Map<string, { originalSrcPath?: string }>());
  for (const image of images.values()) link(image.originalSrcPath);
  const add = images.set.bind(images);
  images.set = (path, image) => {
    link(image.originalSrcPath);
    return add(path, image);
  };
}

/**
 * The file a resolved import of a content photo names, when it is a raster photo (an SVG Astro
 * loads otherwise).
 */
function photoOfId(id: string): string | undefined {
  const [file, query] = id.split('?');
  if (query !== contentImageFlag || !file || /\.svg$/i.test(file)) return undefined;
  return file;
}

/** A file's path as Astro's image import records it (`fsPath`, from the file's URL). */
function astroPath(file: string): string {
  return fileURLToPath(pathToFileURL(file)).replace(/\\/g, '/');
}
