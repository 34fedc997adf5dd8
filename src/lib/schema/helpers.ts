import type { ImageMetadata } from 'astro';
import type { z } from 'astro/zod';

/** A link to another collection's entry, as Astro's `reference()` resolves it. */
export interface Reference {
  id: string;
  collection: string;
}

/**
 * What Astro's content layer lends a schema: `image()` for photos beside the file and `reference()`
 * for links to other collections. Passed in, so the schemas can be unit-tested without Astro.
 */
export interface SchemaHelpers {
  image: () => z.ZodType<ImageMetadata>;
  reference: (collection: 'authors' | 'sections' | 'series') => z.ZodType<Reference>;
}
