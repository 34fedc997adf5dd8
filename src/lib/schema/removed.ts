import { z } from 'astro/zod';
import { dateTime, oldAddress, prose } from './fields.ts';

/** content/removed.yaml: the stories taken down, each still answering at its address (src/lib/redirects.ts). */
export const removedSchema = z.array(
  z.object({
    /** The address the story had: a path such as /articles/old-slug/, or the old slug. */
    path: oldAddress(),
    /** When it was taken down, with offset. */
    date: dateTime(),
    /** The reason readers are given on the page, e.g. "Removed on legal advice." */
    reason: prose('the reason readers are given, e.g. "Removed on legal advice."'),
  }),
  {
    error:
      'must be a list of takedowns, each starting with "- path:", e.g.\n- path: /articles/old-slug/\n  date: "2026-01-15T09:00:00+08:00"\n  reason: Removed on legal advice.',
  },
);
