import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

/** The landscape photos of tests/fixtures/photos (licences in its LICENSES.md). */
export const fixturePhotos = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/photos');

/** The file names, without `.jpg`, of the photos in `fixturePhotos`. */
export const photoNames = ['sunset', 'life', 'friends', 'picosdeeuropa'];

/**
 * A small photo whose bytes no other photo shares: Astro names an output image after the first file
 * with its content, so a shared photo would hide a leaked file name.
 */
export async function uniquePhoto(seed: string): Promise<Buffer> {
  const shade = Array.from(seed, (char) => char.charCodeAt(0)).reduce(
    (sum, code) => (sum * 31 + code) % 0xffffff,
    7,
  );
  const background = `#${shade.toString(16).padStart(6, '0')}`;
  return sharp({ create: { width: 96, height: 64, channels: 3, background } })
    .jpeg()
    .toBuffer();
}

/** The colours of `portraitPhoto`: its subject at the top, and the rest. */
export const portraitColours = { top: '#d01010', rest: '#1010d0' } as const;

/**
 * A portrait photo (1200 × 1800) whose top 800 rows are one colour and the rest another: a 3:2 crop
 * kept at the top shows only the first colour, one around the centre mostly the second.
 */
export async function portraitPhoto(): Promise<Buffer> {
  const top = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: portraitColours.top },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width: 1200, height: 1800, channels: 3, background: portraitColours.rest } })
    .composite([{ input: top, top: 0, left: 0 }])
    .jpeg()
    .toBuffer();
}
