import { z } from 'astro/zod';
import { text } from './fields.ts';

/**
 * One section file in content/sections/. The id is the path (business/auto for
 * content/sections/business/auto.yaml), so the tree is the folder structure.
 */
export const sectionSchema = z.object({
  /** Name shown in navigation and the section path, e.g. "Auto". */
  name: text('a section name'),
  /** One sentence shown on the section front and in its feed. */
  description: text('a description'),
  /** Position among its siblings in navigation, smallest first. */
  order: z.number().int().default(100),
});
