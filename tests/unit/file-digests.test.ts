import { createHash } from 'node:crypto';
import { mkdtempSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { fileDigests } from '../../src/lib/file-digests';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('the digests of article files, remembered between builds', () => {
  /** A folder with a record and one file, read and saved by a first build. */
  function firstBuild(text = 'one') {
    const dir = mkdtempSync(join(tmpdir(), 'file-digests-'));
    const record = join(dir, 'cache', 'article-digests.json');
    const file = join(dir, 'one.md');
    writeFileSync(file, text);
    // Built as if a while after the file was written, so that it has settled.
    const later = Date.now() + 60_000;
    const first = fileDigests(record, sha1, later);
    expect(first.of(file)).toBe(sha1(text));
    first.save();
    return { dir, record, file, later };
  }

  test('a file that is what it was is not read again, and its digest is the one remembered', () => {
    const { record, file, later } = firstBuild();
    const digest = vi.fn(sha1);
    const second = fileDigests(record, digest, later);
    expect(second.of(file)).toBe(sha1('one'));
    // Once for the digester's fingerprint, never for the file.
    expect(digest).toHaveBeenCalledTimes(1);
    second.save();
    // Still remembered by the build after.
    const third = vi.fn(sha1);
    expect(fileDigests(record, third, later).of(file)).toBe(sha1('one'));
    expect(third).toHaveBeenCalledTimes(1);
  });

  test('a file replaced by another of the same size, or with other times, is read', () => {
    const { dir, record, file, later } = firstBuild();
    // Written beside and renamed over, as editors' tools and git do: another inode.
    writeFileSync(join(dir, 'new.md'), 'two');
    renameSync(join(dir, 'new.md'), file);
    expect(fileDigests(record, sha1, later).of(file)).toBe(sha1('two'));

    const again = firstBuild('three');
    // The same inode and size, written in place, its time set back by a tool.
    writeFileSync(again.file, 'THREE');
    utimesSync(again.file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(fileDigests(again.record, sha1, again.later).of(again.file)).toBe(sha1('THREE'));
  });

  test('a file changed just before it was read is not remembered, since it could change again unseen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'file-digests-'));
    const record = join(dir, 'article-digests.json');
    const file = join(dir, 'fresh.md');
    writeFileSync(file, 'fresh');
    const first = fileDigests(record, sha1);
    first.of(file);
    first.save();
    const digest = vi.fn(sha1);
    fileDigests(record, digest, Date.now() + 60_000).of(file);
    expect(digest).toHaveBeenCalledWith('fresh');
  });

  test('digests made by another function, or an unreadable record, are not used', () => {
    const { record, file, later } = firstBuild();
    const other = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(fileDigests(record, other, later).of(file)).toBe(other('one'));

    writeFileSync(record, '{ not json');
    expect(fileDigests(record, sha1, later).of(file)).toBe(sha1('one'));
  });
});
