import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DataStore } from 'astro/loaders';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { bodyFacts } from '../../src/lib/lint/body-facts.ts';
import {
  articleId,
  bodiesBeforeThreads,
  bodyStore,
  readArticle,
  rendersOnThreads,
  syncArticleFiles,
} from '../../src/lib/article-loader.ts';
import type { FilesContext } from '../../src/lib/article-loader.ts';
import { storedBodies, writeBody } from '../../src/lib/bodies.ts';
import { storeDrift } from '../../src/lib/store-module.ts';
import type { BodyPlace } from '../../src/markdown/render-pool.ts';

describe('articleId', () => {
  test.each([
    { entry: 'xiaomi-su7.md', data: {}, id: 'xiaomi-su7' },
    { entry: '2025/03/xiaomi-su7.md', data: {}, id: 'xiaomi-su7' },
    { entry: 'xiaomi-su7/index.md', data: {}, id: 'xiaomi-su7' },
    { entry: '2025/xiaomi-su7/index.md', data: {}, id: 'xiaomi-su7' },
    { entry: 'xiaomi-su7.md', data: { slug: 'su7-launch' }, id: 'su7-launch' },
    { entry: 'xiaomi-su7/index.md', data: { slug: 'su7-launch' }, id: 'su7-launch' },
    { entry: 'xiaomi-su7.md', data: { slug: '' }, id: 'xiaomi-su7' },
  ])('$entry with $data has id $id', ({ entry, data, id }) => {
    expect(articleId(entry, data)).toBe(id);
  });
});

describe('readArticle', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'broadsheet-article-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function read(name: string, source: string) {
    const file = join(dir, name);
    await writeFile(file, source);
    return readArticle(file, source);
  }

  // Astro tells such a path from a module's by the entry's own folder; the loader does it first, so
  // that one article schema serves every entry (src/lib/collections.ts).
  test('a photo named without ./ that is beside the article is written as ./, hero and body alike', async () => {
    await writeFile(join(dir, 'beside.jpg'), 'jpeg');
    const data = await read(
      'bare.md',
      [
        '---',
        'hero:',
        '  src: beside.jpg',
        '  alt: A photo',
        '---',
        '![Beside](beside.jpg)',
        '',
        '![Missing](missing.jpg)',
        '',
        '![Above](../above.jpg)',
        '',
        '![Remote](https://example.com/x.jpg)',
      ].join('\n'),
    );
    expect((data['hero'] as { src: string }).src).toBe('./beside.jpg');
    expect((data['bodyFigures'] as { src: string }[]).map(({ src }) => src)).toEqual([
      './beside.jpg',
      'missing.jpg',
      '../above.jpg',
      'https://example.com/x.jpg',
    ]);
  });

  test('timestamps stay the text the editor wrote, so the schema can check the offset', async () => {
    const data = await read(
      'dates.md',
      [
        '---',
        'title: Dates',
        'publishedAt: 2025-03-03T09:00:00',
        'updatedAt: "2025-03-04T10:00:00+08:00"',
        'corrections:',
        '  - date: 2025-03-05T09:00:00+08:00',
        '    text: Fixed.',
        '---',
        'Body.',
      ].join('\n'),
    );
    expect(data['publishedAt']).toBe('2025-03-03T09:00:00');
    expect(data['updatedAt']).toBe('2025-03-04T10:00:00+08:00');
    expect(data['corrections']).toEqual([{ date: '2025-03-05T09:00:00+08:00', text: 'Fixed.' }]);
  });

  test('other YAML types are still read: lists, numbers, booleans', async () => {
    const data = await read(
      'types.md',
      '---\nauthors: [ni-tao, li-mei]\nseries:\n  id: xiaomi\n  part: 2\ndraft: true\n---\nBody.\n',
    );
    expect(data).toMatchObject({
      authors: ['ni-tao', 'li-mei'],
      series: { id: 'xiaomi', part: 2 },
      draft: true,
    });
  });

  test('the body’s standalone images become bodyFigures', async () => {
    const data = await read(
      'figures.md',
      [
        '---',
        'title: Figures',
        '---',
        'Intro with an ![icon](./icon.png) inline.',
        '',
        '![Lei Jun livestreaming](./live.jpg "On air. Credit: Xiaomi")',
        '',
        '![The SU7](./su7.jpg)',
      ].join('\n'),
    );
    expect(data['bodyFigures']).toEqual([
      { src: './live.jpg', alt: 'Lei Jun livestreaming', caption: 'On air.', credit: 'Xiaomi' },
      { src: './su7.jpg', alt: 'The SU7' },
    ]);
  });

  test('an image in the frontmatter text is not taken for a body figure', async () => {
    const data = await read('hero.md', '---\ntitle: "![x](./x.jpg)"\n---\n\nNo photos.\n');
    expect(data['bodyFigures']).toEqual([]);
  });

  test('a file without frontmatter gives only its body figures', async () => {
    expect(await read('bare.md', 'Just text.\n')).toEqual({ bodyFigures: [] });
  });

  test('a Windows-edited file reads the same as a Unix one', async () => {
    const unix = '---\ntitle: Same\npublishedAt: 2025-03-03T09:00:00+08:00\n---\n\n![A](./a.jpg)\n';
    expect(await read('crlf.md', unix.replaceAll('\n', '\r\n'))).toEqual(await read('lf.md', unix));
  });

  test('broken YAML fails with the file name', async () => {
    await expect(read('broken.md', '---\ntitle: [unclosed\n---\nBody.\n')).rejects.toThrow(/broken\.md/);
  });
});

describe('rendersOnThreads', () => {
  test.each([
    { jobs: 4, asked: 1, threads: false },
    { jobs: 4, asked: bodiesBeforeThreads, threads: false },
    { jobs: 4, asked: bodiesBeforeThreads + 1, threads: true },
    { jobs: 1, asked: 10_000, threads: false },
    { jobs: 2, asked: 100_000, threads: true },
  ])('body $asked with $jobs jobs renders on threads: $threads', ({ jobs, asked, threads }) => {
    expect(rendersOnThreads(jobs, asked)).toBe(threads);
  });
});

describe('bodyStore', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'broadsheet-bodies-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Astro's content store, as far as the body store uses it. */
  function contentStore() {
    const entries = new Map<string, Record<string, unknown>>();
    return {
      entries,
      get: (id: string) => entries.get(id),
      set: (entry: { id: string }) => {
        entries.set(entry.id, entry);
        return true;
      },
      delete: (id: string) => entries.delete(id),
    };
  }

  // An emptied content store (`--force`, or an older partition's first build in a cache folder of
  // its own) sets every entry again: a body stored under the same key is that file as this code
  // renders it, and rendering 100,000 of them again took minutes per partition.
  test('takes a body stored under the entry’s key instead of rendering it again', async () => {
    writeBody(dir, 'digest-code', '<p>Three words here.</p>');
    const target = contentStore();
    // As the renderer stores a body: its HTML into the body store, in the thread that rendered it.
    const render = vi.fn((_markdown: string, _file: string, place: BodyPlace) => {
      writeBody(place.dir, place.key, '<p>rendered</p>');
      return Promise.resolve({ readingMinutes: 9, facts: bodyFacts({ type: 'root', children: [] }) });
    });
    const done: Promise<void>[] = [];
    const store = bodyStore(
      target as unknown as DataStore,
      () => true,
      dir,
      storedBodies(dir),
      (digest) => `${String(digest)}-code`,
      (finish) => done.push(finish(render)),
    );
    store.set({ id: 'a', data: {}, body: 'Three words here.', digest: 'digest', filePath: 'a.md' });
    store.set({ id: 'b', data: {}, body: 'New.', digest: 'other', filePath: 'b.md' });
    await Promise.all(done);
    expect(render).toHaveBeenCalledOnce();
    expect(target.entries.get('a')?.['rendered']).toEqual({
      html: '',
      metadata: { body: { key: 'digest-code', readingMinutes: 1 } },
    });
    expect(target.entries.get('b')?.['rendered']).toEqual({
      html: '',
      metadata: { body: { key: 'other-code', readingMinutes: 9 } },
    });
    expect(render).toHaveBeenCalledWith('New.', 'b.md', { dir, key: 'other-code' });
  });
});

describe('syncArticleFiles', () => {
  let root = '';
  let base = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'broadsheet-files-'));
    base = join(root, 'content', 'articles');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  type Stored = {
    id: string;
    data: Record<string, unknown>;
    body?: string;
    filePath?: string;
    digest?: string;
    assetImports?: string[];
  };

  /** Astro's content store and the rest of a loader's context, as far as the sync uses them. */
  function context(entries = new Map<string, Stored>(), meta = new Map<string, string>()) {
    const assets: [string[], string][] = [];
    const watcher = new EventEmitter() as EventEmitter & { add: (path: string) => void };
    watcher.add = () => undefined;
    const store = {
      get: (id: string) => entries.get(id),
      // As Astro's store does, an entry of the digest already stored is not set again.
      set: (entry: Stored) => {
        if (entry.digest !== undefined && entries.get(entry.id)?.digest === entry.digest) return false;
        entries.set(entry.id, entry);
        return true;
      },
      delete: (id: string) => entries.delete(id),
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      addAssetImports: (imports: string[], filePath: string) => assets.push([imports, filePath]),
    };
    const parseData = vi.fn(({ data }: { data: Record<string, unknown> }) =>
      Promise.resolve({ ...data, parsed: true }),
    );
    const logger = { info: vi.fn(), error: vi.fn() };
    const generateDigest = vi.fn((text: string) => createHash('sha1').update(text).digest('hex'));
    const files = {
      config: { root: pathToFileURL(`${root}/`) },
      store,
      meta: {
        get: (key: string) => meta.get(key),
        set: (key: string, value: string) => meta.set(key, value),
      },
      logger,
      generateDigest,
      parseData,
    } as unknown as FilesContext;
    return {
      entries,
      assets,
      parseData,
      generateDigest,
      logger,
      watcher,
      files,
      withWatcher: { ...files, watcher } as unknown as FilesContext,
    };
  }

  async function write(name: string, text: string) {
    await mkdir(dirname(join(base, name)), { recursive: true });
    await writeFile(join(base, name), text);
  }

  test('stores every article by its id and path; then reads only the files that changed, the others by digest alone', async () => {
    await write('one.md', '---\ntitle: One\n---\nBody one.\n');
    await write('two/index.md', '---\ntitle: Two\nslug: second\n---\nBody two.\n');
    await write('.hidden/three.md', '---\ntitle: Hidden\n---\n');
    await write('notes.txt', 'not an article');
    // A link to an article counts as the article, as it did for Astro's glob loader; a folder
    // named like one does not.
    await write('../elsewhere/linked.md', '---\ntitle: Linked\n---\nBody linked.\n');
    await symlink(join(base, '../elsewhere/linked.md'), join(base, 'linked.md'));
    await mkdir(join(base, 'folder.md'));
    const first = context();
    await syncArticleFiles(base, first.files);
    expect([...first.entries.values()].map(({ id, filePath, body }) => ({ id, filePath, body }))).toEqual(
      expect.arrayContaining([
        { id: 'one', filePath: 'content/articles/one.md', body: 'Body one.' },
        { id: 'second', filePath: 'content/articles/two/index.md', body: 'Body two.' },
        { id: 'linked', filePath: 'content/articles/linked.md', body: 'Body linked.' },
      ]),
    );
    expect(first.entries.size).toBe(3);
    expect(first.parseData).toHaveBeenCalledTimes(3);

    // The store as Astro keeps it between builds, one entry holding a photo to import.
    first.entries.get('one')!.assetImports = ['./photo.jpg'];
    await write('two/index.md', '---\ntitle: Two, edited\nslug: second\n---\nBody two.\n');
    const second = context(first.entries);
    await syncArticleFiles(base, second.files);
    expect(second.parseData).toHaveBeenCalledOnce();
    // Handed the text the sync read, which the loader reads the article's data from.
    expect(second.parseData.mock.calls[0]?.[0]).toMatchObject({
      id: 'second',
      filePath: join(base, 'two/index.md'),
      source: '---\ntitle: Two, edited\nslug: second\n---\nBody two.\n',
    });
    expect(second.entries.get('second')?.data).toMatchObject({ title: 'Two, edited', parsed: true });
    // As the glob loader does for an unchanged entry, its photos are imported again.
    expect(second.assets).toEqual([[['./photo.jpg'], 'content/articles/one.md']]);
  });

  // Reading and digesting 100,000 files took seconds of every sync; looking at them, a fraction.
  test('a file the last sync found as it is now, by its size, times and inode, is not read again', async () => {
    await rm(base, { recursive: true, force: true });
    await write('kept.md', '---\ntitle: Kept\n---\nText.\n');
    await write('edited.md', '---\ntitle: Edited\n---\nText.\n');
    const first = context();
    // Seconds after the files were written, when their times can be trusted (below).
    const later = Date.now() + 5000;
    await syncArticleFiles(base, first.files, later);
    expect(first.generateDigest).toHaveBeenCalledTimes(4);

    await write('edited.md', '---\ntitle: Edited again\n---\nText.\n');
    const meta = new Map(Object.entries({ files: first.files.meta.get('files')! }));
    const second = context(first.entries, meta);
    await syncArticleFiles(base, second.files, later);
    expect(second.generateDigest.mock.calls.map(([text]) => text)).toEqual([
      '---\ntitle: Edited again\n---\nText.\n',
      '---\ntitle: Edited again\n---\nText.\n',
    ]);
    expect(second.parseData).toHaveBeenCalledOnce();
    expect(second.parseData.mock.calls[0]?.[0]).toMatchObject({ filePath: join(base, 'edited.md') });
  });

  // The store's file, whose meta holds the looks, is written only when enough changed: a sync
  // that had to read every file for want of their looks (the file written before they were kept)
  // must say so, or every later sync reads them all again (5.4 s at 100,000 articles).
  test('tells the store’s writer how many files it changed, and how many it read for want of their looks', async () => {
    await rm(base, { recursive: true, force: true });
    for (const name of ['a.md', 'b.md', 'c.md', 'd.md'])
      await write(name, `---\ntitle: ${name}\n---\nText.\n`);
    const later = Date.now() + 5000;
    const first = context();
    await syncArticleFiles(base, first.files, later);
    expect(storeDrift()).toEqual({ changed: 4, unlooked: 4, total: 4 });
    // The looks in the store's meta: none read.
    const meta = new Map(Object.entries({ files: first.files.meta.get('files')! }));
    await syncArticleFiles(base, context(first.entries, meta).files, later);
    expect(storeDrift()).toEqual({ changed: 0, unlooked: 0, total: 4 });
    // A store written without them: every file read, none changed.
    await syncArticleFiles(base, context(first.entries).files, later);
    expect(storeDrift()).toEqual({ changed: 0, unlooked: 4, total: 4 });
  });

  // A file's times are kept to a clock tick: one written again within the tick of the last look at
  // it, at the same size, would look as it did. So a file written in the second before a sync is
  // read again by the next.
  test('a file written just before the sync is read again by the next', async () => {
    await rm(base, { recursive: true, force: true });
    await write('fresh.md', '---\ntitle: Fresh\n---\nText.\n');
    const first = context();
    await syncArticleFiles(base, first.files);
    const meta = new Map(Object.entries({ files: first.files.meta.get('files')! }));
    const second = context(first.entries, meta);
    await syncArticleFiles(base, second.files);
    expect(second.generateDigest).toHaveBeenCalledOnce();
    expect(second.parseData).not.toHaveBeenCalled();
  });

  test('a removed article leaves the store; a renamed one moves to its new id', async () => {
    await rm(base, { recursive: true, force: true });
    await write('old-name.md', '---\ntitle: Old\n---\nText.\n');
    await write('gone.md', '---\ntitle: Gone\n---\nText.\n');
    const first = context();
    await syncArticleFiles(base, first.files);
    await rm(join(base, 'gone.md'));
    await rename(join(base, 'old-name.md'), join(base, 'new-name.md'));
    await syncArticleFiles(base, context(first.entries).files);
    expect([...first.entries.keys()]).toEqual(['new-name']);
    expect(first.entries.get('new-name')?.filePath).toBe('content/articles/new-name.md');
  });

  // Astro's glob loader kept such an entry as stored from its old path, so the next build failed to
  // find its photos there (ImageNotFound) when an editor moved an article's folder.
  test('an article moved to another folder, unchanged, is stored from its new path, with its photos', async () => {
    await rm(base, { recursive: true, force: true });
    await write('moved/index.md', '---\ntitle: Moved\n---\nText.\n');
    const first = context();
    await syncArticleFiles(base, first.files);
    first.entries.get('moved')!.assetImports = ['./photo.jpg'];
    await mkdir(join(base, '2026'));
    await rename(join(base, 'moved'), join(base, '2026/moved'));
    const second = context(first.entries);
    await syncArticleFiles(base, second.files);
    expect(first.entries.get('moved')?.filePath).toBe('content/articles/2026/moved/index.md');
    expect(second.parseData).toHaveBeenCalledOnce();
    expect(second.assets).toEqual([]);
  });

  test('a second file with a stored slug fails, naming both files', async () => {
    await rm(base, { recursive: true, force: true });
    await write('a.md', '---\nslug: shared\n---\nA.\n');
    const first = context();
    await syncArticleFiles(base, first.files);
    await write('b.md', '---\nslug: shared\n---\nB.\n');
    await expect(syncArticleFiles(base, context(first.entries).files)).rejects.toThrow(
      'content/articles/b.md: the slug "shared" is also used by content/articles/a.md.',
    );
  });

  test('the dev preview: a file changed, added or removed while the server runs', async () => {
    await rm(base, { recursive: true, force: true });
    await write('live.md', '---\ntitle: Live\n---\nFirst.\n');
    const dev = context();
    await syncArticleFiles(base, dev.withWatcher);
    const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

    await write('live.md', '---\ntitle: Live\nslug: renamed\n---\nSecond.\n');
    dev.watcher.emit('change', join(base, 'live.md'));
    await settled();
    expect([...dev.entries.keys()]).toEqual(['renamed']);
    expect(dev.logger.info).toHaveBeenCalledWith('Reloaded data from live.md');

    await write('added.md', '---\ntitle: Added\n---\nNew.\n');
    dev.watcher.emit('add', join(base, 'added.md'));
    await write('ignored.txt', 'no');
    dev.watcher.emit('add', join(base, 'ignored.txt'));
    await settled();
    expect([...dev.entries.keys()].sort()).toEqual(['added', 'renamed']);

    await rm(join(base, 'added.md'));
    dev.watcher.emit('unlink', join(base, 'added.md'));
    expect([...dev.entries.keys()]).toEqual(['renamed']);
  });
});
