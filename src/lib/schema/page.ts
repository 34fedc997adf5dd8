import { z } from 'astro/zod';
import { flag, prose } from './fields.ts';

/** A static page in content/pages/ (about, corrections policy, contact); its file name is its URL. */
export const pageSchema = z.object({
  /** The page title. */
  title: prose('a title'),
  /** One sentence for search engines and link previews. */
  description: prose('a description'),
  /** Listed in the footer. */
  footer: flag('footer').default(true),
  /** Position in the footer, smallest first. */
  order: z.number().int().default(100),
});
