import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { fixtureSite } from '../support/sites';
test('built', () => {
  expect(existsSync(join(fixtureSite.dist, 'index.html'))).toBe(true);
});
