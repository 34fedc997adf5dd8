/**
 * Writes the site's generated images from the name in src/site.config.ts:
 * public/logo.png, the publisher logo in JSON-LD (search engines want a raster image), and
 * public/share.png, the link-preview image of pages that have no photo of their own.
 *
 *   npm run logo
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { colour, colourTokens } from '../src/lib/palette.ts';
import { site } from '../src/site.config.ts';

// The images use the light palette of src/styles/tokens.css, the one place colours are set.
const { light } = colourTokens(readFileSync('src/styles/tokens.css', 'utf8'));
const ink = colour(light, 'ink');
const paper = colour(light, 'paper');
const accent = colour(light, 'accent');
const muted = colour(light, 'muted');

const name = site.name.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
const serif = 'DejaVu Serif, Georgia, serif';

const logo = site.logo;
await sharp(
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${logo.width}" height="${logo.height}">
  <text x="50%" y="${logo.height * 0.74}" font-family="${serif}" font-weight="bold"
    font-size="${logo.height * 0.72}" fill="${ink}" text-anchor="middle">${name}</text>
</svg>`),
)
  .png({ compressionLevel: 9, palette: true })
  .toFile(`public${logo.src}`);

const share = site.shareImage;
await sharp(
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${share.width}" height="${share.height}">
  <rect width="100%" height="100%" fill="${paper}"/>
  <rect y="${share.height - 24}" width="100%" height="24" fill="${accent}"/>
  <text x="50%" y="${share.height * 0.52}" font-family="${serif}" font-weight="bold"
    font-size="${share.height * 0.16}" fill="${ink}" text-anchor="middle">${name}</text>
  <text x="50%" y="${share.height * 0.66}" font-family="DejaVu Sans, Arial, sans-serif"
    font-size="${share.height * 0.045}" letter-spacing="4" fill="${muted}" text-anchor="middle">${site.tagline.toUpperCase().replaceAll('&', '&amp;')}</text>
</svg>`),
)
  .png({ compressionLevel: 9, palette: true })
  .toFile(`public${share.src}`);
console.log(`public${logo.src}, public${share.src}`);
