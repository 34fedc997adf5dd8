import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { keptRecord } from '../../src/lib/lint/kept-record.ts';

let dir = '';
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A record file in a new folder (its folder is made by saving). */
function recordPath(): string {
  dir = mkdtempSync(join(tmpdir(), 'kept-record-'));
  return join(dir, 'deep', 'record.json');
}

describe('keptRecord', () => {
  test('a saved record is kept for the next run with the same stamp', () => {
    const path = recordPath();
    const first = keptRecord<number>(path, 'code 1');
    expect(first.kept('a.md')).toBeUndefined();
    first.put('a.md', 1);
    first.save();
    expect(keptRecord<number>(path, 'code 1').kept('a.md')).toBe(1);
  });

  test('a record with another stamp keeps nothing', () => {
    const path = recordPath();
    const first = keptRecord<number>(path, 'code 1');
    first.put('a.md', 1);
    first.save();
    expect(keptRecord<number>(path, 'code 2').kept('a.md')).toBeUndefined();
  });

  test('saving keeps only what this run put, so a deleted file leaves nothing behind', () => {
    const path = recordPath();
    const first = keptRecord<number>(path, 's');
    first.put('a.md', 1);
    first.put('b.md', 2);
    first.save();
    const second = keptRecord<number>(path, 's');
    second.put('b.md', 3);
    second.save();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ stamp: 's', files: { 'b.md': 3 } });
  });

  test.each([
    ['unreadable', '{ not json'],
    ['of an older format', JSON.stringify({ context: 's', files: { 'a.md': 1 } })],
  ])('a record that is %s keeps nothing', (_, text) => {
    const path = recordPath();
    keptRecord<number>(path, 's').save();
    writeFileSync(path, text);
    expect(keptRecord<number>(path, 's').kept('a.md')).toBeUndefined();
  });
});
