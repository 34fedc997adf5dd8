import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { escapeHtml } from './html.ts';
import { absoluteUrl } from './urls.ts';

/** One rendition of a photo for places that take a single URL: feeds, link previews, JSON-LD. */
export interface Rendition {
  url: string;
  width: number;
  height: number;
  type: string;
}

/**
 * The width of a photo where one file must do for every screen: feeds, link previews, JSON-LD and the
 * JPEG fallback of a `<picture>`. Wide enough for a full-width photo on a laptop, a fraction of the
 * bytes of an original from a camera.
 */
export const singleWidth = 1200;

/** A `singleWidth` JPEG (or smaller original): what feed readers and link previews accept everywhere. */
export async function singleRendition(src: ImageMetadata, origin: string): Promise<Rendition> {
  const image = await getImage({ src, width: Math.min(singleWidth, src.width), format: 'jpeg' });
  return {
    url: absoluteUrl(image.src, origin),
    width: Number(image.attributes['width']),
    height: Number(image.attributes['height']),
    type: 'image/jpeg',
  };
}

/** A figure as plain HTML with an absolute image URL, for a feed item's full content. */
export async function figureHtml(
  figure: { src: ImageMetadata; alt: string; caption?: string | undefined; credit?: string | undefined },
  origin: string,
): Promise<string> {
  const image = await singleRendition(figure.src, origin);
  const caption = [figure.caption, figure.credit]
    .filter(Boolean)
    .map((part) => escapeHtml(part!))
    .join(' — ');
  return (
    `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(figure.alt)}" width="${image.width}" height="${image.height}">` +
    (caption ? `<figcaption>${caption}</figcaption>` : '') +
    `</figure>`
  );
}
