import type { z } from 'astro/zod';
import { fieldWords } from '../field-words.ts';
import { closestName } from '../references.ts';

/** A field that `data` has and its schema does not: where it is, and the fields there are. */
export interface UnknownField {
  /** The key path of the object that holds it (empty at the top). */
  in: (string | number)[];
  key: string;
  known: string[];
}

/** What of a zod schema's definition the walk reads. */
interface Definition {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
}

/** The schema under its wrappers: optional, default, nullable, and the input side of a transform. */
function unwrapped(schema: z.ZodType): Definition {
  let definition = schema._zod.def as Definition;
  while (definition.innerType ?? (definition.type === 'pipe' ? definition.in : undefined)) {
    definition = (definition.innerType ?? definition.in!)._zod.def;
  }
  return definition;
}

/**
 * Every field of `data` (read from YAML) that `schema` does not have, in objects and in lists of
 * objects at any depth. Zod drops such fields without a word, so a misspelt one is lost silently.
 */
export function unknownFields(
  data: unknown,
  schema: z.ZodType,
  path: (string | number)[] = [],
): UnknownField[] {
  const definition = unwrapped(schema);
  if (definition.type === 'array' && definition.element && Array.isArray(data)) {
    const element = definition.element;
    return data.flatMap((item, at) => unknownFields(item, element, [...path, at]));
  }
  const shape = definition.type === 'object' ? definition.shape : undefined;
  if (!shape || typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  return Object.entries(data).flatMap(([key, value]) => {
    const field = shape[key];
    return field
      ? unknownFields(value, field, [...path, key])
      : [{ in: path, key, known: Object.keys(shape) }];
  });
}

/**
 * What the editor reads about `field`: the object that holds it (`top` when it is a field of the
 * file, else named in words) and the field it is likely a typo of, or the fields there are.
 */
export function unknownFieldMessage(field: UnknownField, top: string): string {
  const nearest = closestName(field.key, field.known);
  const fix = nearest ? `did you mean \`${nearest}\`?` : `remove it, or use one of ${field.known.join(', ')}`;
  return `${field.in.length === 0 ? top : fieldWords(field.in)} has no field \`${field.key}\`, so it would be ignored: ${fix}`;
}
