/**
 * Writes public/logo.png, the publisher logo in JSON-LD (search engines want a raster image with
 * the paper's name on it), from the site name in src/site.config.ts.
 *
 *   npm run logo
 */
import sharp from 'sharp';
import { site } from '../src/site.config.ts';

const { width, height } = site.logo;
const name = site.name.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <text x="50%" y="${height * 0.74}" font-family="DejaVu Serif, Georgia, serif" font-weight="bold"
    font-size="${height * 0.72}" fill="#1b1a18" text-anchor="middle">${name}</text>
</svg>`;
await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toFile(`public${site.logo.src}`);
console.log(`public${site.logo.src} ${width}x${height}`);
