import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { fileStamps } from '../../src/lib/file-stamps.ts';

/**
 * What the build works out from a file (its digest, its date) is kept by the file's stamp, so that
 * an archive's unchanged files are not read at every build (src/lib/file-stamps.ts).
 */

let dir = '';
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A folder with one file, `a.md`, and where its record is kept. */
function folder(text: string): { file: string; record: string } {
  dir = mkdtempSync(join(tmpdir(), 'file-stamps-'));
  writeFileSync(join(dir, 'a.md'), text);
  return { file: join(dir, 'a.md'), record: join(dir, 'cache', 'stamps.json') };
}

/** A clock some seconds after the file was written, when its stamp can be trusted. */
const later = () => Date.now() + 10_000;

/** Runs `value` for `file` as one build would, counting the reads; saves the record. */
function run(record: string, file: string, now: number, version = 'v1') {
  const stamps = fileStamps<string>(record, version, now);
  let reads = 0;
  const value = stamps.value(file, () => {
    reads += 1;
    return `read ${reads}`;
  });
  stamps.save();
  return { value, reads };
}

test('a file whose stamp is as it was is not read again', () => {
  const { file, record } = folder('one');
  expect(run(record, file, later())).toEqual({ value: 'read 1', reads: 1 });
  expect(run(record, file, later())).toEqual({ value: 'read 1', reads: 0 });
});

test('a file replaced since is read again', () => {
  const { file, record } = folder('one');
  run(record, file, later());
  writeFileSync(`${file}.new`, 'two');
  renameSync(`${file}.new`, file);
  expect(run(record, file, later()).reads).toBe(1);
});

test('a file changed in the seconds before it was read is read again at the next run', () => {
  // Its clock ticks coarsely: a second write within the same tick, of the same size, could leave
  // the stamp as it was.
  const { file, record } = folder('one');
  expect(run(record, file, Date.now()).reads).toBe(1);
  expect(run(record, file, later()).reads).toBe(1);
  expect(run(record, file, later()).reads).toBe(0);
});

test('a record kept for another version keeps nothing', () => {
  const { file, record } = folder('one');
  run(record, file, later(), 'v1');
  expect(run(record, file, later(), 'v2').reads).toBe(1);
});

test('a file that is gone is worked out by `make`, and nothing is kept for it', () => {
  const { file, record } = folder('one');
  rmSync(file);
  expect(run(record, file, later()).reads).toBe(1);
  expect(run(record, file, later()).reads).toBe(1);
});
