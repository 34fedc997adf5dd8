/**
 * URL slugs made from headlines, for `npm run new` (the scaffold in src/lib/scaffold.ts).
 */

/** The longest slug made from a headline; longer ones are cut at a word boundary. */
export const maxSlugLength = 60;

/** Latin letters that Unicode decomposition does not fold to ASCII. */
const foldings: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
};

/** The headline lowercased, accents and ligatures folded to ASCII; other scripts are left as they are. */
function fold(headline: string): string {
  return headline
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþħı]/g, (letter) => foldings[letter] ?? letter);
}

/**
 * The URL slug for a headline: lowercase ASCII letters, digits and single hyphens, accents folded
 * ("é" → "e"), apostrophes dropped ("Xiaomi's" → "xiaomis"), at most `max` characters cut at a word
 * boundary. Words in other scripts are left out; undefined when nothing is left (the editor must
 * choose a slug).
 */
export function slugFromHeadline(headline: string, max: number = maxSlugLength): string | undefined {
  const words = fold(headline)
    .replace(/(\d)[,_](?=\d)/g, '$1') // 1,000 → 1000
    .replace(/(\p{L}|\d)['’ʼ`](?=\p{L})/gu, '$1') // xiaomi's → xiaomis, o'brien → obrien
    .replace(/&/g, ' and ')
    .replace(/%/g, ' percent ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const longer = slug ? `${slug}-${word}` : word;
    if (longer.length > max) break;
    slug = longer;
  }
  // A first word longer than the limit (a URL pasted as a headline) is cut inside the word.
  if (!slug && words[0]) slug = words[0].slice(0, max);
  return slug || undefined;
}

/** Words of the headline that the slug leaves out because they are in another script (e.g. 小米). */
export function wordsLeftOutOfSlug(headline: string): string[] {
  return (fold(headline).match(/[^\p{ASCII}\s]+/gu) ?? []).filter((run) => /[\p{L}\p{N}]/u.test(run));
}
