import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { filesIn, page, readDecompressed } from '../support/dist.ts';
import { fixtureIds, leakMarkers } from '../support/fixture-site.ts';
import { fixtureSite, gatingSites, timezoneSites } from '../support/sites.ts';

/** Files under `dist` whose name or content (decompressed, for the search index) holds `marker`. */
function leaks(dist: string, marker: string): string[] {
  return filesIn(dist).filter(
    (file) => file.toLowerCase().includes(marker) || readDecompressed(dist, file).includes(marker),
  );
}

describe.each([
  ['the fixture newsroom', fixtureSite.dist],
  ['the gating site one second before the embargo', gatingSites.before.dist],
])('publish gating in %s', (_, dist) => {
  test('built something to search', () => {
    expect(filesIn(dist).length).toBeGreaterThan(20);
  });

  test('no page or feed carries a mark of the dev preview', () => {
    // The elements, not their class names: the styles of the preview's marks ship with the components.
    const marks = /class="?preview-(mark|banner|note)\b|\[Draft\]|\[Embargoed until|cannot be published/;
    const text = filesIn(dist).filter((file) => /\.(html|xml|json)$/.test(file));
    expect(text.filter((file) => marks.test(readFileSync(join(dist, file), 'utf8')))).toEqual([]);
  });

  test.each(Object.entries(leakMarkers))(
    'no file name or content anywhere holds the %s marker',
    (__, marker) => {
      expect(leaks(dist, marker)).toEqual([]);
    },
  );
});

describe('one second after the embargo lifts', () => {
  const dist = gatingSites.after.dist;

  test('the embargoed article is published, with its page, feed item and photo', () => {
    expect(page(dist, `/articles/${fixtureIds.embargoed}/`)('h1').text()).toContain(leakMarkers.embargo);
    expect(readFileSync(join(dist, 'rss.xml'), 'utf8')).toContain(`/articles/${fixtureIds.embargoed}/`);
    expect(
      filesIn(dist).some(
        (file) => file.startsWith('_astro/') && file.includes(`${leakMarkers.embargo}-photo`),
      ),
    ).toBe(true);
  });

  test('the draft is still absent from every file', () => {
    expect(leaks(dist, leakMarkers.draft)).toEqual([]);
  });
});

test('the fixture really puts each marker in the unpublished articles (so the searches above can fail)', () => {
  // Each marked photo has bytes of its own, so a leaked copy would keep its marked name in _astro/.
  const photos = filesIn(fixtureSite.content).filter((file) => file.endsWith('-photo.jpg'));
  const contents = photos.map((file) => readFileSync(join(fixtureSite.content, file)).toString('base64'));
  expect(new Set(contents).size).toBe(photos.length);
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

describe('the build schedule', () => {
  const report = JSON.parse(readFileSync(`${gatingSites.before.dist}.schedule.json`, 'utf8')) as {
    nextEmbargoLifts: string;
    scheduled: { id: string }[];
  };

  test('names the embargoed article and when its embargo lifts, in a file beside the output', () => {
    expect(report.nextEmbargoLifts).toBe('2026-01-20T01:00:00.000Z');
    expect(report.scheduled.map((article) => article.id)).toEqual([fixtureIds.embargoed]);
  });

  test('is never written into the output', () => {
    expect(filesIn(gatingSites.before.dist).filter((file) => file.includes('schedule'))).toEqual([]);
  });

  test('is empty once the embargo has lifted', () => {
    expect(existsSync(`${gatingSites.after.dist}.schedule.json`)).toBe(true);
    const after = JSON.parse(readFileSync(`${gatingSites.after.dist}.schedule.json`, 'utf8')) as {
      scheduled: [];
    };
    expect(after.scheduled).toEqual([]);
  });
});

test.each(Object.entries(timezoneSites))(
  'a build on a machine in %s is byte for byte the build on a UTC machine',
  (_, site) => {
    const digest = (dist: string) =>
      Object.fromEntries(
        filesIn(dist).map((file) => [
          file,
          createHash('sha256')
            .update(readFileSync(join(dist, file)))
            .digest('hex'),
        ]),
      );
    expect(digest(site.dist)).toEqual(digest(gatingSites.before.dist));
  },
);
