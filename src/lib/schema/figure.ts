import { z } from 'astro/zod';
import type { SchemaHelpers } from './helpers.ts';
import { isNoCredit } from '../figures.ts';
import { prose, text } from './fields.ts';

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

/** The sides of a photo an editor can keep in view where listings crop it to 3:2 (CSS object-position). */
export const heroFocuses = ['top', 'bottom', 'left', 'right', 'center'] as const;

/** Where a listing's 3:2 crop of a hero is taken from. */
export type HeroFocus = (typeof heroFocuses)[number];

/** The lead photo: a figure, and the part of it listings keep when they crop it. */
export function heroSchema(helpers: Pick<SchemaHelpers, 'image'>) {
  return figureSchema(helpers).extend({
    /**
     * The side of the photo to keep when a listing crops it to 3:2, e.g. `top` for a portrait whose
     * subject is near the top; the centre when absent.
     */
    focus: z
      .enum(heroFocuses, {
        error: (issue) =>
          `"${String(issue.input)}" is not a focus: write one of ${heroFocuses.slice(0, -1).join(', ')} or ${heroFocuses.at(-1)!} (the side of the photo that listings keep when they crop it)`,
      })
      .optional(),
  });
}
