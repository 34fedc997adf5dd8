import { distance } from 'fastest-levenshtein';

/**
 * The one message for an id that names nothing (a section, author or series that does not exist):
 * the build, the content linter and `npm run new` all say it in these words.
 */

/** The collections an article refers to by id. */
export type ReferencedCollection = 'sections' | 'authors' | 'series';

const singular: Record<ReferencedCollection, string> = {
  sections: 'section',
  authors: 'author',
  series: 'series',
};

/** Longest edit distance still offered as "did you mean": a typo, not another id. */
const maxTypo = 3;

/** Most ids listed in full; beyond it only the closest few are named. */
const maxListed = 20;

/**
 * `section "sport" is not in content/sections/: use one of …, or add content/sections/sport.yaml.`,
 * with the closest id first as "Did you mean …?" when one is a likely typo.
 */
export function unknownReference(
  collection: ReferencedCollection,
  id: string,
  known: Iterable<string>,
): string {
  const ids = [...known].sort();
  const head = `${singular[collection]} "${id}" is not in content/${collection}/`;
  const add = `content/${collection}/${id}.yaml`;
  if (ids.length === 0) return `${head}, which has none yet: add ${add} first.`;
  const closest = [...ids].sort((a, b) => distance(id, a) - distance(id, b) || (a < b ? -1 : 1));
  const nearest = closest[0]!;
  const guess = distance(id, nearest) <= maxTypo ? ` Did you mean "${nearest}"?` : '';
  const list =
    ids.length <= maxListed
      ? ids.join(', ')
      : `${closest.slice(0, 5).join(', ')}, … (${ids.length} in content/${collection}/)`;
  return `${head}: use one of ${list}, or add ${add}.${guess}`;
}
