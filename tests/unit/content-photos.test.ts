import { linkSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { astroModule } from '../../src/integrations/astro-module.ts';
import {
  contentPhotoFile,
  knownPhotoImage,
  photoFactory,
  photoImportPaths,
  photoLooks,
  photoRecordFile,
  readKnownPhotos,
  samePhotos,
  photosReport,
  withKnownPhotos,
  writeKnownPhotos,
} from '../../src/lib/content-photos.ts';
import type { KnownPhoto } from '../../src/lib/content-photos.ts';

/**
 * An article's photo reaches the pages through an import Astro writes into content-assets.mjs, one
 * per article, which the build resolves itself when the photo's path is relative to the article
 * (src/integrations/content-photos.ts).
 */
describe('the file a content photo’s import names', () => {
  const root = '/site';
  const id = (path: string, importer: string) =>
    `${path}?astroContentImageFlag=&importer=${encodeURIComponent(importer)}`;

  test('is the photo’s path from the article’s folder', () => {
    expect(contentPhotoFile(id('./lead.jpg', 'content/articles/a.md'), root)).toBe(
      '/site/content/articles/lead.jpg',
    );
    expect(contentPhotoFile(id('../photos/lead.jpg', 'content/articles/2026/a.md'), root)).toBe(
      '/site/content/articles/photos/lead.jpg',
    );
    // An article outside the project (BROADSHEET_CONTENT elsewhere).
    expect(contentPhotoFile(id('./lead.jpg', '../news/articles/a.md'), root)).toBe('/news/articles/lead.jpg');
    expect(contentPhotoFile(id('./lead.jpg', '/srv/news/articles/a.md'), root)).toBe(
      '/srv/news/articles/lead.jpg',
    );
    expect(contentPhotoFile(id('./photo of the day.jpg', 'content/articles/a b.md'), root)).toBe(
      '/site/content/articles/photo of the day.jpg',
    );
  });

  test('is left to Astro for any other import: not a content photo, no article, a path not relative to it, or one a URL would read otherwise', () => {
    expect(contentPhotoFile('./lead.jpg', root)).toBeUndefined();
    expect(contentPhotoFile('./lead.jpg?astroContentImageFlag=', root)).toBeUndefined();
    expect(contentPhotoFile('./lead.jpg?importer=content%2Fa.md', root)).toBeUndefined();
    expect(contentPhotoFile(id('~/assets/lead.jpg', 'content/articles/a.md'), root)).toBeUndefined();
    expect(contentPhotoFile(id('/src/assets/lead.jpg', 'content/articles/a.md'), root)).toBeUndefined();
    expect(contentPhotoFile(id('./lead%20photo.jpg', 'content/articles/a.md'), root)).toBeUndefined();
    expect(contentPhotoFile(id('./lead#1.jpg', 'content/articles/a.md'), root)).toBeUndefined();
    expect(contentPhotoFile(id('./lead.jpg', 'content/articles/a#1.md'), root)).toBeUndefined();
  });
});

/**
 * A build takes an article's photo whose file looks as it did at the last build from that build's
 * record, without reading it (src/integrations/content-photos.ts, `knownContentPhotos`).
 */
describe('the photos a build knows from the last', () => {
  const lead: KnownPhoto = {
    looks: '42:120000:1700000000000',
    name: '_astro/lead.Ab3_dE-9.jpg',
    facts: { width: 1600, height: 900, format: 'jpg' },
  };
  const turned: KnownPhoto = {
    looks: '43:90000:1700000000000',
    name: '_astro/turned.Zz9_yY-1.jpg',
    facts: { width: 900, height: 1600, format: 'jpg', orientation: 6 },
  };
  const record = () => photoRecordFile(mkdtempSync(join(tmpdir(), 'broadsheet-photo-record-')));

  test('are read back as they were written, under the same stamp', () => {
    const file = record();
    writeKnownPhotos(
      file,
      'lock:_astro',
      new Map([
        ['/news/b.jpg', turned],
        ['/news/a.jpg', lead],
      ]),
    );
    expect(readKnownPhotos(file, 'lock:_astro')).toEqual(
      new Map([
        ['/news/a.jpg', lead],
        ['/news/b.jpg', turned],
      ]),
    );
    // In the order of their paths, so that the same photos give the same file.
    expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { photos: object }).photos)).toEqual([
      '/news/a.jpg',
      '/news/b.jpg',
    ]);
  });

  test('are none when the record is missing, unreadable, or named its photos under another stamp', () => {
    const file = record();
    expect(readKnownPhotos(file, 'lock:_astro')).toEqual(new Map());
    writeFileSync(file, '{"stamp": "lock:_astro", "photos": {');
    expect(readKnownPhotos(file, 'lock:_astro')).toEqual(new Map());
    writeKnownPhotos(file, 'lock:_astro', new Map([['/news/a.jpg', lead]]));
    // Other packages may hash the bytes otherwise; another folder of assets names them otherwise.
    expect(readKnownPhotos(file, 'other-lock:_astro')).toEqual(new Map());
    expect(readKnownPhotos(file, 'lock:assets')).toEqual(new Map());
  });

  test('that have the size of another photo of the build, of another name, are the ones it must read, all of them', () => {
    const sizes = new Map([
      ['/news/a/photo.jpg', 1200],
      ['/news/b/x-hero.jpg', 1200],
      ['/news/c/lead.jpg', 3400],
      ['/news/d/copy.jpg', 1200],
    ]);
    expect(samePhotos(sizes)).toEqual(
      new Set(['/news/a/photo.jpg', '/news/b/x-hero.jpg', '/news/d/copy.jpg']),
    );
    expect(samePhotos(new Map([['/news/c/lead.jpg', 3400]]))).toEqual(new Set());
    // One photo under one name in two folders: named the same whichever of the two is emitted.
    expect(
      samePhotos(
        new Map([
          ['/news/c/lead.jpg', 3400],
          ['/news/e/lead.jpg', 3400],
        ]),
      ),
    ).toEqual(new Set());
  });

  test('give the image Astro’s import gives once Vite named the original: its address under the site’s base, then its facts in Astro’s order', () => {
    expect(JSON.stringify(knownPhotoImage(lead, '/'))).toBe(
      '{"src":"/_astro/lead.Ab3_dE-9.jpg","width":1600,"height":900,"format":"jpg"}',
    );
    expect(JSON.stringify(knownPhotoImage(turned, '/paper/'))).toBe(
      '{"src":"/paper/_astro/turned.Zz9_yY-1.jpg","width":900,"height":1600,"format":"jpg","orientation":6}',
    );
  });
});

describe('the module of the content store’s photo imports, with the known photos in it', () => {
  // As Astro's sync writes it (writeAssetImports, astro/dist/content/mutable-data-store.js).
  const paths = [
    './lead.jpg?astroContentImageFlag=&importer=content%2Farticles%2Fa.md',
    './say "cheese".jpg?astroContentImageFlag=&importer=content%2Farticles%2Fb.md',
    '~/assets/logo.png?astroContentImageFlag=&importer=content%2Farticles%2Fc.md',
  ];
  const module = [
    '',
    ...paths.map((path, index) => `import __ASTRO_IMAGE_IMPORT_${index} from ${JSON.stringify(path)};`),
    `export default new Map([${paths.map((path, index) => `[${JSON.stringify(path)}, __ASTRO_IMAGE_IMPORT_${index}]`).join(', ')}]);`,
    '\t\t',
  ].join('\n');

  test('holds the value of each photo known from its path, under its import’s name, and every other import as it was', () => {
    const values = new Map([
      [paths[0], '__knownPhoto({"src":"/_astro/lead.A.jpg"}, "/site/content/articles/lead.jpg")'],
      [paths[1], '__knownPhoto({"src":"/_astro/say.B.jpg"}, "/site/content/articles/say \\"cheese\\".jpg")'],
    ]);
    const lines = withKnownPhotos(module, (path) => values.get(path)).split('\n');
    expect(lines[1]).toBe(`const __ASTRO_IMAGE_IMPORT_0 = ${values.get(paths[0])};`);
    expect(lines[2]).toBe(`const __ASTRO_IMAGE_IMPORT_1 = ${values.get(paths[1])};`);
    expect(lines.slice(3)).toEqual(module.split('\n').slice(3));
  });

  test('is the module as it was when no photo is known', () => {
    expect(withKnownPhotos(module, () => undefined)).toBe(module);
  });

  test('imports the paths it imports, in its order', () => {
    expect(photoImportPaths(module)).toEqual(paths);
  });
});

describe('a known photo’s value, made by Astro’s own code', () => {
  const image = { src: '/_astro/lead.Ab3_dE-9.jpg', width: 1600, height: 900, format: 'jpg' };
  const fsPath = '/site/content/articles/lead.jpg';

  test('behaves as the module Astro writes for the photo: its properties, its path, its clone, and the record of the pages that read it', async () => {
    const { getProxyCode } = (await astroModule('dist/assets/utils/proxy.js')) as {
      getProxyCode: (image: object, ssr: boolean) => string;
    };
    const factory = photoFactory(getProxyCode);
    expect(factory).toBeDefined();
    // Run here, as Vite's bundle runs the module in the build's own process.
    const made = (
      runInThisContext(`(${factory!})`) as (image: object, fsPath: string) => Record<string, unknown>
    )({ ...image }, fsPath);
    const astros = runInThisContext(
      `(${getProxyCode(Object.defineProperty({ ...image }, 'fsPath', { value: fsPath }), false)})`,
    ) as Record<string, unknown>;
    const read = (value: Record<string, unknown>) => {
      const referencedImages = new Set<string>();
      (globalThis as { astroAsset?: object }).astroAsset = { referencedImages };
      const seen = {
        json: JSON.stringify(value),
        fsPath: value['fsPath'],
        clone: value['clone'],
      };
      delete (globalThis as { astroAsset?: object }).astroAsset;
      return { ...seen, referencedImages: [...referencedImages] };
    };
    expect(read(made)).toEqual(read(astros));
    expect(read(made)).toMatchObject({ fsPath, referencedImages: [fsPath] });
    expect(JSON.parse(read(made).json)).toEqual(image);
  });

  test('is none from code that does not take the image and its path as JSON', () => {
    expect(photoFactory(() => 'new Proxy({}, {})')).toBeUndefined();
  });
});

describe('how a photo’s file looks to the build', () => {
  test('changes when the file is written again, but not when the build links it into the output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'broadsheet-photo-looks-'));
    const photo = join(dir, 'lead.jpg');
    writeFileSync(photo, 'synthetic photo bytes');
    const before = photoLooks(statSync(photo));
    await new Promise((done) => setTimeout(done, 20));
    // A link changes the file's ctime: the original linked for the image step, or a second
    // article's name for the same photo.
    linkSync(photo, join(dir, 'linked.jpg'));
    expect(statSync(photo).ctimeMs).not.toBe(statSync(photo).mtimeMs);
    expect(photoLooks(statSync(photo))).toBe(before);
    writeFileSync(photo, 'Synthetic photo bytes');
    expect(photoLooks(statSync(photo))).not.toBe(before);
  });
});

describe('the line a build logs of the photos it read and took', () => {
  test('names the few it read, counts many, and names none when it read none', () => {
    expect(photosReport(['/c/a/sunset.jpg', '/c/b/life.jpg'], 7)).toBe(
      "Articles' photos: 2 read (sunset.jpg, life.jpg), 7 taken as the last build recorded them.",
    );
    const many = Array.from({ length: 6 }, (_, at) => `/c/${at}/photo.jpg`);
    expect(photosReport(many, 0)).toBe("Articles' photos: 6 read, 0 taken as the last build recorded them.");
    expect(photosReport([], 20_007)).toBe(
      "Articles' photos: 0 read, 20007 taken as the last build recorded them.",
    );
  });
});
