import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { articleFiles, countArticleFiles } from '../../src/lib/article-files.ts';

/** The article files of a folder (src/lib/article-files.ts), as the sync and the build find them. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-article-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'articles', name)), { recursive: true });
    writeFileSync(join(dir, 'articles', name), text);
  }
}

describe('articleFiles', () => {
  beforeEach(() => {
    write({
      'flat.md': 'a',
      'story/index.md': 'b',
      'year/month/deep.md': 'c',
      'story/photo.jpg': 'not an article',
      '.hidden/draft.md': 'a hidden folder',
      'year/.backup.md': 'a hidden file',
    });
    writeFileSync(join(dir, 'outside.md'), 'linked in');
    symlinkSync(join(dir, 'outside.md'), join(dir, 'articles', 'linked.md'));
    mkdirSync(join(dir, 'articles', 'folder.md'));
  });
  const expected = ['flat.md', 'linked.md', 'story/index.md', 'year/month/deep.md'].map((file) =>
    file.split('/').join(sep),
  );

  test('are the Markdown files and links to them, however deep, in no hidden folder, by their path inside', () => {
    expect(articleFiles(join(dir, 'articles')).sort()).toEqual(expected);
    expect(countArticleFiles(join(dir, 'articles'))).toBe(4);
  });

  test('are the same whichever way the folder is named: relative, with a trailing slash or a detour', () => {
    for (const base of [
      relative(process.cwd(), join(dir, 'articles')),
      `${join(dir, 'articles')}${sep}`,
      `${join(dir, 'articles', 'story')}${sep}..`,
    ])
      expect(articleFiles(base).sort()).toEqual(expected);
  });

  test('of a folder that does not exist are none', () => {
    expect(articleFiles(join(dir, 'missing'))).toEqual([]);
  });
});
