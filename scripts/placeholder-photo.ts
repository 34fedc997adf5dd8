/**
 * Writes an honest placeholder photo: a neutral grey frame that says the original is not included.
 * For archived articles whose photographs are not available; never a picture that pretends to show
 * what a caption describes.
 *
 *   npm run placeholder-photo -- content/articles/<slug>/photo.jpg [1600x900]
 */
import sharp from 'sharp';

const [file, size = '1600x900'] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
if (!file || !width || !height) {
  console.error('usage: npm run placeholder-photo -- <file.jpg> [WIDTHxHEIGHT]');
  process.exit(2);
}

const big = Math.round(width / 18);
const small = Math.round(width / 48);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#d9d6cf"/>
  <rect x="${small}" y="${small}" width="${width - 2 * small}" height="${height - 2 * small}" fill="none"
    stroke="#a8a49b" stroke-width="${Math.max(2, small / 6)}" stroke-dasharray="${small} ${small / 2}"/>
  <g fill="#57544e" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" text-anchor="middle">
    <text x="50%" y="${height / 2}" font-size="${big}" font-weight="bold">Photo not included</text>
    <text x="50%" y="${height / 2 + big * 1.1}" font-size="${small * 1.4}">The original photograph is not part of this archive</text>
  </g>
</svg>`;

await sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toFile(file);
console.log(`${file} ${width}x${height}`);
