import { z } from 'astro/zod';
import type { SchemaHelpers } from './helpers.ts';
import { text, webUrl } from './fields.ts';

/** One author file in content/authors/ (the file name is the id used in bylines). */
export function authorSchema({ image }: Pick<SchemaHelpers, 'image'>) {
  return z.object({
    /** Name as printed in the byline. */
    name: text('the author name'),
    /** Role at the paper, e.g. "Business correspondent" or "Contributor". */
    role: text('a role'),
    /** A short biography in one or two sentences. */
    bio: text('a short bio'),
    /** A portrait, optional. */
    photo: z.object({ src: image(), alt: text('alt text for the portrait') }).optional(),
    /** Links to the author elsewhere (site, social). */
    links: z.array(z.object({ label: text('a link label'), url: webUrl() })).default([]),
  });
}
