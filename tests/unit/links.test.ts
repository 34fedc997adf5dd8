import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { filesIn, holdLinks, linkTree, surveyFolder, surveyedIn } from '../../src/lib/links.ts';
import { surveyOnThread } from '../../src/lib/survey-thread.ts';
import { writeFiles } from '../support/content-files.ts';

/** A folder holding `files` (path: text). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'links-'));
  writeFiles(dir, files);
  return dir;
}

const contents = (dir: string) =>
  Object.fromEntries(filesIn(dir).map((file) => [file, readFileSync(join(dir, file), 'utf8')]));

describe('a folder made to hold links of another’s files', () => {
  const source = () => folder({ 'a/one.html': 'one', 'a/b/two.html': 'two', 'three.txt': 'three' });

  test('keeps the links it has, replaces other files of those paths, removes the rest and the folders left empty', () => {
    const from = source();
    const target = folder({
      'a/one.html': 'one, but another file',
      'a/b/c/stale.html': 'stale',
      'gone/deep/old.html': 'old',
      'kept/by/caller.txt': 'left alone',
    });
    linkSync(join(from, 'three.txt'), join(target, 'three.txt'));
    const three = statSync(join(target, 'three.txt')).ino;

    holdLinks(target, surveyFolder(target), from, new Set(['a/one.html', 'a/b/two.html', 'three.txt']), {
      left: (file) => file.startsWith('kept/'),
    });

    expect(contents(target)).toEqual({
      'a/b/two.html': 'two',
      'a/one.html': 'one',
      'kept/by/caller.txt': 'left alone',
      'three.txt': 'three',
    });
    for (const file of ['a/one.html', 'a/b/two.html', 'three.txt']) {
      expect(statSync(join(target, file)).ino).toBe(statSync(join(from, file)).ino);
    }
    expect(statSync(join(target, 'three.txt')).ino).toBe(three);
    expect(existsSync(join(target, 'a/b/c'))).toBe(false);
    expect(existsSync(join(target, 'gone'))).toBe(false);
    // The source is as it was: a file of the target was never written in place.
    expect(contents(from)).toEqual({ 'a/b/two.html': 'two', 'a/one.html': 'one', 'three.txt': 'three' });
  });

  test('from a source whose files are known ends as from the source alone, and asks the disk nothing of them', () => {
    const from = source();
    const target = folder({ 'a/one.html': 'one, but another file', 'gone.html': 'old' });
    linkSync(join(from, 'three.txt'), join(target, 'three.txt'));
    const wanted = new Set(['a/one.html', 'a/b/two.html', 'three.txt']);
    holdLinks(target, surveyFolder(target), from, wanted, { known: surveyFolder(from) });
    expect(contents(target)).toEqual({ 'a/b/two.html': 'two', 'a/one.html': 'one', 'three.txt': 'three' });
    for (const file of wanted) expect(statSync(join(target, file)).ino).toBe(statSync(join(from, file)).ino);

    // What is known of the source is what counts: knowledge that is not current misleads it, which
    // is why it is given only of files nothing has written to since they were surveyed or recorded.
    const other = folder({ 'a/one.html': 'not linked' });
    const surveyed = surveyFolder(other);
    holdLinks(other, surveyed, from, new Set(['a/one.html']), { known: surveyed });
    expect(contents(other)).toEqual({ 'a/one.html': 'not linked' });
  });

  test('that does not exist yet is made', () => {
    const from = source();
    const target = join(folder({}), 'new');
    holdLinks(target, surveyFolder(target), from, new Set(['a/b/two.html']));
    expect(contents(target)).toEqual({ 'a/b/two.html': 'two' });
  });
});

// What keeps a partition's output, and what the next build assembles its output in after a build
// that rendered every page.
describe('a tree of links of a folder', () => {
  const source = () =>
    folder({ 'a/one.html': 'one', 'a/b/c/two.html': 'two', 'three.txt': 'three', 'd/e/four.txt': 'four' });

  test('holds every file of the original, each the original’s own, and names them', () => {
    const dir = source();
    const copy = join(folder({}), 'out/previous');
    expect(linkTree(dir, copy).sort()).toEqual(filesIn(dir).sort());
    expect(contents(copy)).toEqual(contents(dir));
    expect(surveyFolder(copy)).toEqual(surveyFolder(dir));
  });

  test('of the files picked makes only the folders that hold them', () => {
    const dir = source();
    const copy = join(folder({}), 'kept');
    expect(linkTree(dir, copy, (file) => file.endsWith('.html')).sort()).toEqual([
      'a/b/c/two.html',
      'a/one.html',
    ]);
    expect(contents(copy)).toEqual({ 'a/b/c/two.html': 'two', 'a/one.html': 'one' });
    expect(existsSync(join(copy, 'd'))).toBe(false);
  });

  test('of a folder that is not there is an empty folder', () => {
    const copy = join(folder({}), 'empty');
    expect(linkTree(join(copy, '..', 'no-such-folder'), copy)).toEqual([]);
    expect(filesIn(copy)).toEqual([]);
    expect(existsSync(copy)).toBe(true);
  });
});

describe('a survey of a folder', () => {
  test('finds every file, however deep, as filesIn does, with what it is', () => {
    const dir = folder({ 'a/one.html': 'one', 'a/b/c/d/two.html': 'two', 'three.txt': 'three' });
    mkdirSync(join(dir, 'empty/inside'), { recursive: true });
    linkSync(join(dir, 'three.txt'), join(dir, 'a/three-again.txt'));
    const surveyed = surveyFolder(dir);
    expect([...surveyed.keys()].sort()).toEqual(filesIn(dir).sort());
    expect(surveyed.get('a/three-again.txt')).toBe(surveyed.get('three.txt'));
    expect(surveyed.get('a/one.html')).not.toBe(surveyed.get('three.txt'));
  });

  test('of a folder inside the surveyed one is read from it', () => {
    const dir = folder({ 'pagefind/r0/a.pf': 'a', 'pagefind/shards.json': '{}', 'pagefinder.html': 'x' });
    const surveyed = surveyFolder(dir);
    expect(surveyedIn(surveyed, 'pagefind')).toEqual(surveyFolder(join(dir, 'pagefind')));
  });

  test('of a folder that does not exist finds nothing', () => {
    expect(surveyFolder(join(folder({}), 'missing')).size).toBe(0);
  });

  test('on a thread of its own finds what it finds here, one survey after another', async () => {
    const dir = folder({ 'a/one.html': 'one', 'a/b/two.html': 'two', 'three.txt': 'three' });
    const [whole, inside, missing] = await Promise.all([
      surveyOnThread(dir),
      surveyOnThread(join(dir, 'a')),
      surveyOnThread(join(dir, 'missing')),
    ]);
    expect(whole).toEqual(surveyFolder(dir));
    expect(inside).toEqual(surveyFolder(join(dir, 'a')));
    expect(missing.size).toBe(0);
  });

  test('on a thread of its own fails as it would here, and the next survey still runs', async () => {
    const dir = folder({ 'a/one.html': 'one' });
    await expect(surveyOnThread(join(dir, 'a/one.html'))).rejects.toThrow(/ENOTDIR/);
    expect(await surveyOnThread(dir)).toEqual(surveyFolder(dir));
  });
});
