import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  codeDigest,
  keepPartitionOutput,
  keepUnchangedPages,
  keptOutput,
  partitionAstroCache,
} from '../../src/lib/build-cache.ts';
import { buildPartition } from '../../src/lib/env.ts';
import { photoRecordFile } from '../../src/lib/content-photos.ts';
import { surveyFolder } from '../../src/lib/links.ts';
import type { FileId } from '../../src/lib/links.ts';
import { mergeOutput } from '../../src/lib/merge-output.ts';
import {
  inPartition,
  isNewest,
  parsePartition,
  partitionName,
  planPartitions,
} from '../../src/lib/partitions.ts';
import { pagesOf, partitionDigest, sitePages } from '../../src/lib/site-pages.ts';
import { publishedYears } from '../../src/lib/article-files.ts';

const years = (counts: Record<number, number>) =>
  Object.entries(counts).flatMap(([year, count]) => Array.from({ length: count }, () => Number(year)));

describe('planPartitions', () => {
  test('an archive that fits in one partition is built whole', () => {
    expect(planPartitions(years({ 2024: 3, 2025: 4 }), 10)).toEqual([{}]);
    expect(planPartitions([], 10)).toEqual([{}]);
  });

  test('groups whole years from the oldest, the first open to the past and the last to the future', () => {
    const plan = planPartitions(years({ 2019: 4, 2020: 5, 2021: 3, 2022: 6, 2023: 8, 2024: 2 }), 10);
    expect(plan).toEqual([{ to: 2020 }, { from: 2021, to: 2022 }, { from: 2023 }]);
    expect(plan.map(partitionName)).toEqual(['upto-2020', '2021-2022', 'from-2023']);
  });

  test('a year larger than a partition is a partition of its own', () => {
    expect(planPartitions(years({ 2020: 25, 2021: 2, 2022: 30 }), 10)).toEqual([
      { to: 2020 },
      { from: 2021, to: 2021 },
      { from: 2022 },
    ]);
  });

  test('publishing in the newest year never moves the bounds of an older partition', () => {
    const before = planPartitions(years({ 2020: 6, 2021: 6, 2022: 6, 2023: 1 }), 10);
    const after = planPartitions(years({ 2020: 6, 2021: 6, 2022: 6, 2023: 9 }), 10);
    expect(before).toEqual([{ to: 2020 }, { from: 2021, to: 2021 }, { from: 2022 }]);
    // The newest partition outgrows its size and splits; the older ones stay as they were.
    expect(after).toEqual([...before.slice(0, -1), { from: 2022, to: 2022 }, { from: 2023 }]);
  });
});

describe('inPartition', () => {
  test('every year falls in exactly one partition of a plan, and pages of no year in the newest', () => {
    const plan = planPartitions(years({ 2019: 8, 2020: 8, 2021: 8 }), 10);
    for (const year of [1990, 2019, 2020, 2021, 2040, undefined]) {
      expect(plan.filter((partition) => inPartition(year, partition))).toHaveLength(1);
    }
    expect(plan.filter(isNewest)).toEqual([plan.at(-1)]);
    expect(inPartition(undefined, plan.at(-1)!)).toBe(true);
  });

  test('the whole site holds every page', () => {
    expect(inPartition(1850, {})).toBe(true);
    expect(inPartition(undefined, {})).toBe(true);
  });
});

describe('partition names', () => {
  test('read back as the partition they name', () => {
    for (const partition of [{}, { to: 1999 }, { from: 2000, to: 2009 }, { from: 2010 }]) {
      expect(parsePartition(partitionName(partition))).toEqual({ ...partition });
    }
  });

  test('anything else is refused, saying what a partition looks like', () => {
    for (const name of ['2020', '2010-2000', 'recent', '20-30', '-1999', '2010-']) {
      expect(() => parsePartition(name)).toThrow(
        /is not a partition: use a run of years such as 2000-2009, upto-1999, from-2010 or all/,
      );
    }
  });

  test('BROADSHEET_PARTITION picks the partition; without it a build is the whole site', () => {
    expect(buildPartition({})).toEqual({});
    expect(buildPartition({ BROADSHEET_PARTITION: '2000-2009' })).toEqual({ from: 2000, to: 2009 });
    expect(() => buildPartition({ BROADSHEET_PARTITION: 'old' })).toThrow(/"old" is not a partition/);
  });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'partition-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

describe('mergeOutput', () => {
  test('moves a partition’s files into the newest output; a file both built must be the same', () => {
    const older = folder({ 'articles/old/index.html': 'old', '_astro/a.webp': 'A', 'index.html': 'front' });
    const newest = folder({ 'articles/new/index.html': 'new', '_astro/a.webp': 'A', 'index.html': 'front' });
    mergeOutput(older, newest);
    expect(readFileSync(join(newest, 'articles/old/index.html'), 'utf8')).toBe('old');
    expect(readdirSync(join(newest, 'articles')).sort()).toEqual(['new', 'old']);
    expect(readFileSync(join(newest, 'index.html'), 'utf8')).toBe('front');
    expect(existsSync(older)).toBe(false);
  });

  test('moves a folder the newest output lacks whole, with all it holds', () => {
    const older = folder({ 'archive/2001/index.html': '2001', 'archive/2001/02/index.html': 'February' });
    const newest = folder({ 'index.html': 'front' });
    mergeOutput(older, newest);
    expect(readFileSync(join(newest, 'archive/2001/02/index.html'), 'utf8')).toBe('February');
    expect(readFileSync(join(newest, 'archive/2001/index.html'), 'utf8')).toBe('2001');
  });

  test('a file in one partition where the other has a folder stops the merge, naming it', () => {
    const older = folder({ 'feed/index.html': 'a page' });
    const newest = folder({ feed: 'a file' });
    expect(() => {
      mergeOutput(older, newest);
    }).toThrow(
      'feed differs between two partitions of the build; a page must not depend on which partition renders it',
    );
  });

  test('a file two partitions built differently stops the merge, naming it', () => {
    const older = folder({ 'index.html': 'front as one partition saw it' });
    const newest = folder({ 'index.html': 'front as another saw it' });
    expect(() => {
      mergeOutput(older, newest);
    }).toThrow(
      'index.html differs between two partitions of the build; a page must not depend on which partition renders it',
    );
  });
});

describe('Astro cache folders of partitions', () => {
  test('each older partition has its own, with the content store and images of the content root’s', () => {
    const cache = folder({
      'incremental-build.json': 'newest partition',
      'dist/index.html': 'x',
      'data-store.json': 'store',
      'assets/a.webp': 'A',
    });
    const own = partitionAstroCache(cache, 'upto-2020');
    expect(own).toBe(join(cache, 'partitions/upto-2020/astro'));
    // Its page cache is its own: two partitions building at once must not share Astro's manifest.
    expect(existsSync(join(own, 'incremental-build.json'))).toBe(false);
    writeFileSync(join(own, 'incremental-build.json'), 'partition upto-2020');
    mkdirSync(join(own, 'dist'));
    expect(partitionAstroCache(cache, 'upto-2020')).toBe(own);
    expect(readFileSync(join(own, 'incremental-build.json'), 'utf8')).toBe('partition upto-2020');
    expect(readFileSync(join(cache, 'incremental-build.json'), 'utf8')).toBe('newest partition');
    expect(readFileSync(join(own, 'data-store.json'), 'utf8')).toBe('store');
    expect(readFileSync(join(own, 'assets/a.webp'), 'utf8')).toBe('A');
  });

  test('gets the content store the newest partition synced last, at every build', () => {
    const cache = folder({ 'data-store.json': 'store of the last build' });
    const own = partitionAstroCache(cache, 'upto-2020');
    // Astro writes a new store and renames it over the old one.
    writeFileSync(join(own, 'data-store.json.tmp'), 'store as the partition left it');
    renameSync(join(own, 'data-store.json.tmp'), join(own, 'data-store.json'));
    expect(readFileSync(join(cache, 'data-store.json'), 'utf8')).toBe('store of the last build');
    writeFileSync(join(cache, 'data-store.json.tmp'), 'store of this build');
    renameSync(join(cache, 'data-store.json.tmp'), join(cache, 'data-store.json'));
    partitionAstroCache(cache, 'upto-2020');
    expect(readFileSync(join(own, 'data-store.json'), 'utf8')).toBe('store of this build');
  });

  // A build keeps its store in V8's serialization (src/lib/store-module.ts); a partition's Astro
  // reads its own text first, when there is one.
  test('gets the store the newest partition kept, over the one its own Astro wrote', () => {
    const cache = folder({ 'data-store.v8': 'store of this build' });
    const own = partitionAstroCache(cache, 'upto-2020');
    writeFileSync(join(own, 'data-store.json'), 'store as the partition’s own Astro wrote it');
    partitionAstroCache(cache, 'upto-2020');
    expect(readdirSync(own).filter((name) => name.startsWith('data-store'))).toEqual(['data-store.v8']);
    expect(readFileSync(join(own, 'data-store.v8'), 'utf8')).toBe('store of this build');
  });

  test('keeps its own content store where the content root’s cache has none (a machine of its own)', () => {
    const cache = folder({});
    const own = partitionAstroCache(cache, 'upto-2020');
    writeFileSync(join(own, 'data-store.json'), 'store of its last build');
    partitionAstroCache(cache, 'upto-2020');
    expect(readFileSync(join(own, 'data-store.json'), 'utf8')).toBe('store of its last build');
  });

  // The photos are the store's, which every partition shares: without the record each older
  // partition read every photo of the archive again in a cold build.
  test('gets the record of the photos the newest partition emitted, and keeps its own where there is none', () => {
    const cache = folder({});
    const own = partitionAstroCache(cache, 'upto-2020');
    writeFileSync(photoRecordFile(own), 'photos of its last build');
    partitionAstroCache(cache, 'upto-2020');
    expect(readFileSync(photoRecordFile(own), 'utf8')).toBe('photos of its last build');
    writeFileSync(photoRecordFile(cache), 'photos of this build');
    partitionAstroCache(cache, 'upto-2020');
    expect(readFileSync(photoRecordFile(own), 'utf8')).toBe('photos of this build');
  });

  test('drops the page cache a partition set aside before it had a folder of its own', () => {
    const cache = folder({
      'partitions/upto-2020/incremental-build.json': 'old',
      'partitions/upto-2020/dist/index.html': 'old',
      'partitions/upto-2020/key': 'key 1',
    });
    partitionAstroCache(cache, 'upto-2020');
    expect(readdirSync(join(cache, 'partitions/upto-2020')).sort()).toEqual(['astro', 'key']);
  });
});

describe('the record of the site’s pages', () => {
  const page = (path: string, year: number | undefined, cacheKey: string) => ({
    path,
    year,
    updated: '2020-01-01T00:00:00.000Z',
    cacheKey,
  });
  const record = sitePages([
    page('/articles/a/', 2019, 'a1'),
    page('/articles/b/', 2020, 'b1'),
    page('/tags/x/', 2020, 'x1'),
    page('/', undefined, ''),
  ]);

  test('keeps each page’s path, year and date, and digests the keys of each year', () => {
    expect(record.pages).toContainEqual({ path: '/', year: undefined, updated: '2020-01-01T00:00:00.000Z' });
    expect(Object.keys(record.years)).toEqual(['2019', '2020']);
    // The order in which pages are found does not change a year's digest.
    const reordered = sitePages([page('/tags/x/', 2020, 'x1'), page('/articles/b/', 2020, 'b1')]);
    expect(reordered.years['2020']).toBe(record.years['2020']);
  });

  test('keeps an article page’s month, which picks its search shard, and its search key', () => {
    const [article] = sitePages([
      { ...page('/articles/c/', 2020, 'c1'), month: '2020-03', searchKey: 'search c' },
    ]).pages;
    expect(article).toEqual({
      path: '/articles/c/',
      year: 2020,
      month: '2020-03',
      updated: '2020-01-01T00:00:00.000Z',
      key: 'c1',
      search: 'search c',
    });
  });

  test('a partition’s digest changes with any key of its years, and only then', () => {
    const upto2019 = { to: 2019 };
    const before = partitionDigest(record, upto2019);
    expect(before).toBeDefined();
    const edited = sitePages([page('/articles/a/', 2019, 'a1'), page('/articles/b/', 2020, 'b2')]);
    expect(partitionDigest(edited, upto2019)).toBe(before);
    expect(partitionDigest(edited, { from: 2020, to: 2020 })).not.toBe(
      partitionDigest(record, { from: 2020, to: 2020 }),
    );
    // The newest partition is always built; a partition of no pages has nothing to keep.
    expect(partitionDigest(record, { from: 2020 })).toBeUndefined();
    expect(partitionDigest(record, { from: 2010, to: 2015 })).toBeUndefined();
  });
});

/** The cache folder of a partition upto-2020 whose one page, with its image, was kept under `key 1`. */
function keptPartition(): string {
  const cache = folder({});
  const output = folder({
    'articles/old/index.html': 'old <img src="/_astro/a.webp">',
    '_astro/a.webp': 'A',
  });
  const own = pagesOf(sitePages([{ path: '/articles/old/', year: 2020, cacheKey: 'k' }]), { to: 2020 });
  keepPartitionOutput(cache, 'upto-2020', output, 'key 1', own);
  return cache;
}

describe('kept outputs of partitions', () => {
  /** Links the kept partition into `into` as the newest partition's build does, with no page of its own kept. */
  const linkKept = (
    cache: string,
    key: string,
    into: string,
    replaced?: { folder: string; surveyed: ReadonlyMap<string, FileId> },
  ) => {
    const kept = keptOutput(cache, 'upto-2020', key);
    if (kept)
      keepUnchangedPages(folder({}), into, undefined, sitePages([]), { from: 2021 }, replaced, [kept]);
    return kept !== undefined;
  };

  test('a partition’s output is taken again only for the key it was built from', () => {
    const cache = folder({});
    const output = folder({
      'articles/old/index.html': 'old <img src="/_astro/a.webp">',
      '_astro/a.webp': 'A',
      'index.html': 'front <img src="/_astro/b.webp">',
      '_astro/b.webp': 'B',
    });
    const own = pagesOf(sitePages([{ path: '/articles/old/', year: 2020, cacheKey: 'k' }]), { to: 2020 });
    expect(own).toEqual(new Set(['articles/old/index.html']));
    keepPartitionOutput(cache, 'upto-2020', output, 'key 1', own);
    expect(keptOutput(cache, 'upto-2020', 'key 2')).toBeUndefined();
    const into = folder({});
    expect(linkKept(cache, 'key 1', into)).toBe(true);
    expect(readFileSync(join(into, 'articles/old/index.html'), 'utf8')).toContain('old');
    // The front page every partition renders, and its images, are the newest partition's, never kept.
    expect(existsSync(join(into, 'index.html'))).toBe(false);
    expect(existsSync(join(into, '_astro/b.webp'))).toBe(false);
    // Merging moves the taken files away; the kept output stays for the next build.
    mergeOutput(into, folder({}));
    const again = folder({});
    expect(linkKept(cache, 'key 1', again)).toBe(true);
    expect(readFileSync(join(again, '_astro/a.webp'), 'utf8')).toBe('A');
  });

  test('is linked into the newest output, where a file both have must be the same', () => {
    const cache = keptPartition();
    const newest = folder({ 'articles/new/index.html': 'new', '_astro/a.webp': 'A' });
    expect(linkKept(cache, 'key 1', newest)).toBe(true);
    expect(readdirSync(join(newest, 'articles')).sort()).toEqual(['new', 'old']);
    // Linked, not moved: the kept output is whole for the next build.
    const again = folder({ '_astro/a.webp': 'another A' });
    expect(() => linkKept(cache, 'key 1', again)).toThrow(
      '_astro/a.webp differs between two partitions of the build; a page must not depend on which partition renders it',
    );
    expect(readFileSync(join(again, '_astro/a.webp'), 'utf8')).toBe('another A');
  });

  // Linking the 95,000 pages of the older partitions of 100,000 articles into empty folders took
  // 7 s of a publish; most are links in the output the last build replaced already.
  test('is assembled in the output the last build replaced, whose links to it stay', () => {
    const cache = keptPartition();
    const kept = join(cache, 'partitions/upto-2020/output');
    const replaced = folder({ 'articles/gone/index.html': 'gone', 'index.html': 'old front' });
    mkdirSync(join(replaced, 'articles/old'), { recursive: true });
    linkSync(join(kept, 'articles/old/index.html'), join(replaced, 'articles/old/index.html'));
    const before = statSync(join(replaced, 'articles/old/index.html')).ino;
    const newest = folder({ 'articles/new/index.html': 'new', 'index.html': 'front' });
    const surveyed = surveyFolder(replaced);
    expect(linkKept(cache, 'key 1', newest, { folder: replaced, surveyed })).toBe(true);
    expect(existsSync(replaced)).toBe(false);
    expect(readdirSync(join(newest, 'articles')).sort()).toEqual(['new', 'old']);
    expect(readFileSync(join(newest, 'index.html'), 'utf8')).toBe('front');
    expect(statSync(join(newest, 'articles/old/index.html')).ino).toBe(before);
    expect(statSync(join(newest, '_astro/a.webp')).ino).toBe(statSync(join(kept, '_astro/a.webp')).ino);
  });

  test('links the files it kept, as recorded when it kept them, without reading its folders again', () => {
    const cache = keptPartition();
    // Reading the folders of 95,000 kept pages again took 7 s of a publish at 100,000 articles, so
    // the record is what is linked: a file that turned up in the kept folder since is not.
    writeFileSync(join(cache, 'partitions/upto-2020/output/_astro/stray.webp'), 'stray');
    const newest = folder({ 'articles/new/index.html': 'new' });
    expect(linkKept(cache, 'key 1', newest)).toBe(true);
    expect(readdirSync(join(newest, '_astro'))).toEqual(['a.webp']);
    expect(readFileSync(join(newest, 'articles/old/index.html'), 'utf8')).toContain('old');
  });

  // Looking at each of the 95,000 kept files took 2 s of a publish at 100,000 articles: what each is,
  // recorded when it was kept, tells the newest output which of its links to them are still theirs.
  test('records what each kept file is, for the newest output to hold its links to them without looking', () => {
    const cache = keptPartition();
    const keptFolder = join(cache, 'partitions/upto-2020/output');
    const kept = keptOutput(cache, 'upto-2020', 'key 1')!;
    const fileIds = new Map(
      kept.files.map((file) => {
        const { dev, ino } = statSync(join(keptFolder, file));
        return [file, `${dev}:${ino}`];
      }),
    );
    expect(kept.ids).toEqual(fileIds);

    // A record of the files alone, as an earlier version kept them: taken, each file looked at.
    writeFileSync(join(cache, 'partitions/upto-2020/files.json'), JSON.stringify(kept.files));
    expect(keptOutput(cache, 'upto-2020', 'key 1')?.ids.size).toBe(0);
    const replaced = folder({});
    mkdirSync(join(replaced, 'articles/old'), { recursive: true });
    linkSync(join(keptFolder, 'articles/old/index.html'), join(replaced, 'articles/old/index.html'));
    const newest = folder({ 'articles/new/index.html': 'new' });
    expect(linkKept(cache, 'key 1', newest, { folder: replaced, surveyed: surveyFolder(replaced) })).toBe(
      true,
    );
    expect(statSync(join(newest, 'articles/old/index.html')).ino).toBe(
      statSync(join(keptFolder, 'articles/old/index.html')).ino,
    );
    expect(readFileSync(join(newest, '_astro/a.webp'), 'utf8')).toBe('A');
  });

  test('a kept output with no record of its files (kept by an earlier version) is built again', () => {
    const cache = keptPartition();
    rmSync(join(cache, 'partitions/upto-2020/files.json'));
    expect(keptOutput(cache, 'upto-2020', 'key 1')).toBeUndefined();
  });

  test('the code’s digest changes with any file of the code', () => {
    const project = folder({ 'src/pages/index.astro': 'front', 'astro.config.mjs': 'config' });
    const before = codeDigest(project);
    expect(codeDigest(project)).toBe(before);
    writeFileSync(join(project, 'src/pages/index.astro'), 'front, edited');
    expect(codeDigest(project)).not.toBe(before);
  });
});

describe('publishedYears', () => {
  test('the years of the published articles, from their publishedAt and draft lines alone', () => {
    const base = mkdtempSync(join(tmpdir(), 'broadsheet-years-'));
    const write = (name: string, frontmatter: string) => {
      mkdirSync(join(base, name), { recursive: true });
      writeFileSync(join(base, name, 'index.md'), `---\ntitle: A\n${frontmatter}\n---\n\nText.\n`);
    };
    write('quoted', 'publishedAt: "2019-06-01T09:00:00+08:00"');
    write('single-quoted', "publishedAt: '2020-06-01T09:00:00+08:00' # filed late");
    write('plain', 'publishedAt: 2021-06-01T09:00:00+08:00');
    // New Year's Eve in UTC is New Year's Day in the site's timezone (Asia/Shanghai).
    write('new-year', 'publishedAt: "2021-12-31T20:00:00+00:00"');
    write('draft', 'draft: true\npublishedAt: "2018-06-01T09:00:00+08:00"');
    write('no-longer-draft', 'draft: false\npublishedAt: "2017-06-01T09:00:00+08:00"');
    write('embargoed', 'publishedAt: "2026-02-01T09:00:00+08:00"');
    write('undated', 'section: news');
    writeFileSync(join(base, 'flat.md'), '---\npublishedAt: "2016-06-01T09:00:00+08:00"\n---\n');
    writeFileSync(join(base, 'notes.txt'), 'publishedAt: "2015-06-01T09:00:00+08:00"\n');
    const now = new Date('2026-01-15T12:00:00+08:00');
    expect(publishedYears(base, now, 'Asia/Shanghai').sort()).toEqual([2016, 2017, 2019, 2020, 2021, 2022]);
    expect(publishedYears(join(base, 'none'), now, 'Asia/Shanghai')).toEqual([]);
  });

  // Reading the date lines of 100,000 files took seconds of every publish's build script.
  test('a file that looks as it did when its date lines were recorded is not read again', () => {
    const base = mkdtempSync(join(tmpdir(), 'broadsheet-years-'));
    const record = join(base, '..', `${basename(base)}.dates.json`);
    const write = (name: string, date: string) => {
      writeFileSync(join(base, name), `---\npublishedAt: "${date}"\n---\n\nText.\n`);
    };
    write('kept.md', '2021-06-01T09:00:00+08:00');
    write('edited.md', '2019-06-01T09:00:00+08:00');
    const now = new Date('2026-01-15T12:00:00+08:00');
    // Seconds after the files were written, when their times can be trusted.
    const later = Date.now() + 5000;
    expect(publishedYears(base, now, 'Asia/Shanghai', record, later).sort()).toEqual([2019, 2021]);
    // What the record says of a file that looks the same is what counts: here, another year.
    const recorded = JSON.parse(readFileSync(record, 'utf8')) as Record<string, [string, string, boolean]>;
    recorded['kept.md']![1] = '2015-06-01T09:00:00+08:00';
    writeFileSync(record, JSON.stringify(recorded));
    write('edited.md', '2020-06-01T09:00:00.000+08:00');
    expect(publishedYears(base, now, 'Asia/Shanghai', record, later).sort()).toEqual([2015, 2020]);
    // A file changed in the second before the look is not recorded: the next look reads it.
    expect(publishedYears(base, now, 'Asia/Shanghai', record).sort()).toEqual([2015, 2020]);
    expect(readFileSync(record, 'utf8')).toBe('{}');
    // A record that cannot be read is no record.
    writeFileSync(record, '{"kept.md": [');
    expect(publishedYears(base, now, 'Asia/Shanghai', record, later).sort()).toEqual([2020, 2021]);
  });
});
