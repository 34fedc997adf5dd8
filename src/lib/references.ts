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

/** Longest edit distance still offered as "did you mean": a typo, not another name. */
const maxTypo = 3;

/** Most ids listed in full; beyond it only the closest few are named. */
const maxListed = 20;

/** `among`, closest to `name` first (ignoring case), ties in alphabetical order. */
function byCloseness(name: string, among: Iterable<string>): string[] {
  const gap = (other: string) => distance(name.toLowerCase(), other.toLowerCase());
  return [...among].sort((a, b) => gap(a) - gap(b) || (a < b ? -1 : 1));
}

/** The name in `among` that `name` is likely a typo of, if any: the "did you mean" of every message. */
export function closestName(name: string, among: Iterable<string>): string | undefined {
  const [nearest] = byCloseness(name, among);
  return nearest !== undefined && distance(name.toLowerCase(), nearest.toLowerCase()) <= maxTypo
    ? nearest
    : undefined;
}

/** "li-wei" → "Li Wei"; a section's name is that of its last segment ("business/auto" → "Auto"). */
function nameFromId(id: string): string {
  const last = id.split('/').at(-1) ?? id;
  return last
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * The lines of a new data file for `id`: the fields its schema requires (src/lib/schema), the name
 * guessed from the id and `...` where the editor writes. Saved as it is, the file is valid.
 */
export function dataFileExample(collection: ReferencedCollection, id: string): string[] {
  const name = `name: ${nameFromId(id)}`;
  if (collection === 'authors') return [name, 'role: ...', 'bio: ...'];
  if (collection === 'sections') return [name, 'description: ...'];
  return [name, 'description: ...', 'parts: 2'];
}

/**
 * `section "sport" is not in content/sections/: use one of …, or create `content/sections/sport.yaml`
 * with `name: Sport` / `description: ...``, with "Did you mean …?" after it when an id is a likely
 * typo.
 */
export function unknownReference(
  collection: ReferencedCollection,
  id: string,
  known: Iterable<string>,
): string {
  const ids = [...known].sort();
  const head = `${singular[collection]} "${id}" is not in content/${collection}/`;
  const example = dataFileExample(collection, id)
    .map((line) => `\`${line}\``)
    .join(' / ');
  const create = `create \`content/${collection}/${id}.yaml\` with ${example}`;
  if (ids.length === 0) return `${head}, which has none yet: ${create}`;
  const closest = byCloseness(id, ids);
  const nearest = closestName(id, ids);
  const guess = nearest === undefined ? '' : `. Did you mean "${nearest}"?`;
  const list =
    ids.length <= maxListed
      ? ids.join(', ')
      : `${closest.slice(0, 5).join(', ')}, … (${ids.length} in content/${collection}/)`;
  return `${head}: use one of ${list}, or ${create}${guess}`;
}
