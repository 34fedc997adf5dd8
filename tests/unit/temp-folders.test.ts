import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { expect, test } from 'vitest';

// Tests make hundreds of temporary folders (copies of projects, caches, outputs); the run deletes
// its own folder at its end (tests/support/global-setup.ts), so none is left behind on a machine.
test("a test's temporary folders are made in its run's own folder", () => {
  expect(basename(tmpdir())).toMatch(/^broadsheet-tests-/);
});
