/**
 * npm run bench:images: what each image format and encoder effort costs in build time and saves in
 * bytes, on the real photos of tests/fixtures/photos at the widths an article's lead photo is
 * published in (src/components/Figure.astro). Writes bench/results/images-<time>.json.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

const photosDir = 'tests/fixtures/photos';
const widths = [480, 800, 1200, 1600, 2000];
const settings = [
  { format: 'avif', quality: 55, effort: 2 },
  { format: 'avif', quality: 55, effort: 4 },
  { format: 'webp', quality: 76, effort: 4 },
  { format: 'webp', quality: 76, effort: 6 },
  { format: 'jpeg', quality: 80, effort: 0 },
] as const;

const photos = readdirSync(photosDir)
  .filter((file) => file.endsWith('.jpg'))
  .map((file) => readFileSync(join(photosDir, file)));

const rows = [];
for (const { format, quality, effort } of settings) {
  let bytes = 0;
  let encodes = 0;
  const started = performance.now();
  for (const photo of photos) {
    const { width } = await sharp(photo).metadata();
    for (const target of widths.filter((each) => each <= width)) {
      const resized = sharp(photo).resize({ width: target });
      const output =
        format === 'jpeg'
          ? resized.jpeg({ quality, mozjpeg: true })
          : format === 'avif'
            ? resized.avif({ quality, effort })
            : resized.webp({ quality, effort });
      bytes += (await output.toBuffer()).length;
      encodes += 1;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  rows.push({
    format,
    quality,
    effort,
    encodes,
    seconds,
    secondsPerImage: seconds / encodes,
    kilobytes: bytes / 1024,
  });
  console.log(
    `${format.padEnd(5)} q${quality} effort ${effort}: ${encodes} images in ${seconds.toFixed(1)} s (${(seconds / encodes).toFixed(2)} s each), ${(bytes / 1024).toFixed(0)} KB`,
  );
}

mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `images-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  `${JSON.stringify({ cpus: cpus().length, photos: photos.length, widths, rows }, null, 2)}\n`,
);
console.log(`Wrote ${file}`);
