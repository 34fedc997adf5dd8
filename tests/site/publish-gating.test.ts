import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { filesIn } from '../support/dist';
import { leakMarkers } from '../support/fixture-site';
import { fixtureSite } from '../support/sites';

const files = filesIn(fixtureSite.dist);

describe('publish gating in the built fixture site', () => {
  test('built something to search', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  test.each(Object.entries(leakMarkers))(
    'no file name or file content anywhere holds the %s marker',
    (_, marker) => {
      const leaks = files.filter(
        (file) =>
          file.toLowerCase().includes(marker) || readFileSync(join(fixtureSite.dist, file)).includes(marker),
      );
      expect(leaks).toEqual([]);
    },
  );
});

test('the fixture really puts each marker in the unpublished articles (so the search above can fail)', () => {
  const content = filesIn(fixtureSite.content);
  for (const marker of Object.values(leakMarkers)) {
    expect(content.some((file) => file.includes(`${marker}-photo.jpg`))).toBe(true);
    const source = content
      .filter((file) => file.includes(marker) && file.endsWith('.md'))
      .map((file) => readFileSync(join(fixtureSite.content, file), 'utf8'))
      .join('');
    for (const field of ['title:', 'standfirst:', 'tags:', 'hero:']) {
      expect(source).toMatch(new RegExp(`${field}.*${marker}`));
    }
    expect(source.split('---').at(-1)).toContain(marker);
  }
});
