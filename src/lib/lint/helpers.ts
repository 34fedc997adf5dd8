import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { unknownReference } from '../references.ts';
import type { SchemaHelpers } from '../schema/index.ts';
import { missingPhoto } from './missing-photo.ts';

/**
 * The schema helpers as the linter lends them: `image()` checks that the photo exists next to the
 * file (the linter needs no image metadata, so it keeps the path), `reference()` that the id exists.
 */
export function lintHelpers(
  /** The file being checked: the schema is built once and reused for every file. */
  filePath: () => string,
  known: { sections: Set<string>; authors: Set<string>; series: Map<string, unknown> },
): SchemaHelpers {
  const image = () =>
    z
      .string({ error: 'needs the path of a photo, e.g. ./photo.jpg' })
      .refine((src) => missingPhoto(src, filePath()) === undefined, {
        error: (issue) => missingPhoto(String(issue.input), filePath()),
      }) as unknown as z.ZodType<ImageMetadata>;
  const reference = (collection: 'authors' | 'sections' | 'series') => {
    const ids = collection === 'series' ? new Set(known.series.keys()) : known[collection];
    return z
      .string({ error: `needs an id from content/${collection}/` })
      .refine((id) => ids.has(id), {
        error: (issue) => unknownReference(collection, String(issue.input), ids),
      })
      .transform((id) => ({ id, collection }));
  };
  return { image, reference };
}
