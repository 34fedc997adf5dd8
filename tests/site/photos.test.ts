import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import sharp from 'sharp';
import { describe, expect, inject, test } from 'vitest';
import { filesIn, readText } from '../support/dist.ts';
import { fixtureFocusAlt } from '../support/fixture-site.ts';
import { fixtureSite, newsroomSite, seedSite } from '../support/sites.ts';

/** The widest fallback photo a browser without AVIF and WebP should load. */
const fallbackWidth = 1200;

const sites = {
  fixture: fixtureSite,
  "newsroom's own content/": newsroomSite(inject('newsroomNow')),
  'frozen seed': seedSite,
};

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe.each(Object.entries(sites))('the photos of the %s site', (_, { content, dist }) => {
  const files = filesIn(dist);

  test("every <picture>'s fallback <img> is a JPEG no wider than needed", async () => {
    const fallbacks = new Set(
      files
        .filter((file) => file.endsWith('.html'))
        .flatMap((file) => {
          const $ = load(readText(dist, file));
          return $('picture > img')
            .toArray()
            .map((img) => $(img).attr('src') ?? '');
        }),
    );
    expect(fallbacks.size).toBeGreaterThan(0);
    const wrong = [];
    for (const src of fallbacks) {
      const { format, width } = await sharp(join(dist, src)).metadata();
      if (format !== 'jpeg' || width > fallbackWidth) wrong.push(`${src}: ${format} ${width} px`);
    }
    expect(wrong).toEqual([]);
  });

  test('publishes no original photo, only the renditions pages and feeds use', () => {
    const originals = new Set(
      filesIn(content)
        .filter((file) => /\.(?:jpe?g|png|webp|avif)$/i.test(file))
        .map((file) => digest(join(content, file))),
    );
    expect(originals.size).toBeGreaterThan(0);
    const published = files.filter(
      (file) => file.startsWith('_astro/') && originals.has(digest(join(dist, file))),
    );
    expect(published).toEqual([]);
  });
});

describe('a hero whose editor set `focus: top`', () => {
  const { dist } = fixtureSite;
  const cards = filesIn(dist)
    .filter((file) => file.endsWith('.html'))
    .flatMap((file) => {
      const $ = load(readText(dist, file));
      return $(`.card picture`)
        .toArray()
        .filter((picture) => $(picture).find('img').attr('alt') === fixtureFocusAlt)
        .map((picture) => ({ file, $picture: $(picture) }));
    });

  test('is shown on listing cards, each image marked to keep its top in view', () => {
    expect(cards.length).toBeGreaterThan(0);
    expect(
      cards.filter(
        ({ $picture }) => !($picture.find('img').attr('class') ?? '').split(' ').includes('focus-top'),
      ),
    ).toEqual([]);
  });

  test("is cropped to 3:2 around its top in every rendition a card offers, not around the photo's centre", async () => {
    const urls = new Set(
      cards.flatMap(({ $picture }) => [
        $picture.find('img').attr('src') ?? '',
        ...$picture
          .find('source')
          .toArray()
          .flatMap((source) =>
            (source.attribs['srcset'] ?? '')
              .split(',')
              .map((candidate) => candidate.trim().split(' ')[0] ?? ''),
          ),
      ]),
    );
    expect(urls.size).toBeGreaterThan(2);
    const wrong = [];
    for (const url of urls) {
      const file = join(dist, url);
      const { width, height } = await sharp(file).metadata();
      // The portrait's top is red, the rest blue (tests/support/photos.ts).
      const [red, , blue] = (await sharp(file).stats()).channels.map((channel) => channel.mean);
      if (Math.abs(width / height - 3 / 2) > 0.01 || red! < 180 || blue! > 60) {
        wrong.push(`${url}: ${width}×${height}, mean red ${red?.toFixed()} blue ${blue?.toFixed()}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
