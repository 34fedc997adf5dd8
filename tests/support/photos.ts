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
