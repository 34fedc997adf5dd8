import { z } from 'astro/zod';
import type { SchemaHelpers } from './helpers';
import { isNoCredit } from '../figures';
import { prose, text } from './fields';

/** A photo with what a newspaper prints beside it. Used for the hero and for photos in the body. */
export function figureSchema({ image }: Pick<SchemaHelpers, 'image'>) {
  return z.object({
    /** The image file, relative to the article file (./photo.jpg). */
    src: image(),
    /** What the photo shows, for readers who cannot see it. Required. */
    alt: text('alt text describing the photo for readers who cannot see it'),
    /** The caption printed under the photo. */
    caption: prose('a caption').optional(),
    /**
     * Who took or supplied the photo (photographer, agency); `none` records that the original carries
     * no credit, and nothing is printed.
     */
    credit: z
      .string()
      .trim()
      .min(1)
      .optional()
      .transform((credit) => (isNoCredit(credit) ? undefined : credit)),
  });
}
