import { z } from 'astro/zod';
import { text } from './fields.ts';

/** One series ("special report") file in content/series/. */
export const seriesSchema = z.object({
  /** Name of the series. */
  name: text('a series name'),
  /** What the series is about, shown on its page and in the series box. */
  description: text('a description'),
  /** How many parts the series has or will have, so part 2 can say "of 2" before part 1 is online. */
  parts: z.number().int().positive({ error: 'must be the planned number of parts, e.g. 2' }),
});
