/**
 * Field paths as an editor reads them: `authors.0` is "the first author", `hero.alt` "the hero
 * photo’s alt text". The content linter names fields this way in every schema message, and so does
 * the frontmatter reader when it asks for a value in quotes.
 */

/** What each field is called, by its key in the frontmatter or data file. */
const names: Record<string, string> = {
  title: 'headline',
  standfirst: 'standfirst',
  section: 'section',
  authors: 'authors',
  publishedAt: 'publication date (publishedAt)',
  updatedAt: 'update date (updatedAt)',
  slug: 'slug',
  redirectFrom: 'old addresses (redirectFrom)',
  path: 'path',
  reason: 'reason',
  format: 'format',
  tags: 'tags',
  hero: 'hero photo',
  editorsNote: 'editor’s note',
  series: 'series',
  disclosure: 'disclosure',
  corrections: 'corrections',
  draft: 'draft setting',
  featured: 'featured setting',
  canonical: 'original address (canonical)',
  bodyFigures: 'photos in the text',
  src: 'file',
  alt: 'alt text',
  caption: 'caption',
  credit: 'credit',
  focus: 'focus',
  date: 'date',
  text: 'text',
  name: 'name',
  role: 'role',
  bio: 'bio',
  photo: 'portrait',
  links: 'links',
  label: 'label',
  url: 'address',
  description: 'description',
  order: 'order',
  parts: 'number of parts',
  footer: 'footer setting',
  allow: 'texts accepted as written (allow)',
};

/** What one entry of a list field is called. */
const items: Record<string, string> = {
  authors: 'author',
  tags: 'tag',
  corrections: 'correction',
  bodyFigures: 'photo in the text',
  links: 'link',
  allow: 'text accepted as written (allow)',
  redirectFrom: 'old address (redirectFrom)',
};

/** Fields named as one phrase with their parent ("the series id", not "the series’ id"). */
const compounds: Record<string, string> = {
  'series.id': 'series id',
  'series.part': 'series part number',
};

const ordinals = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/** 1 → "first" … 10 → "tenth", then 11th, 21st, 22nd, 23rd, 111th. */
function ordinal(position: number): string {
  const word = ordinals[position - 1];
  if (word) return word;
  const teen = Math.floor(position / 10) % 10 === 1;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][position % 10] ?? 'th');
  return `${position}${suffix}`;
}

/**
 * A zod issue path (or a frontmatter key path) in words: `['corrections', 2, 'date']` is "the third
 * correction’s date". `rename` overrides the names of some fields, e.g. a page's `title` is a title.
 */
export function fieldWords(path: readonly PropertyKey[], rename: Record<string, string> = {}): string {
  const name = (key: string) => rename[key] ?? names[key] ?? `field ${key}`;
  const phrases: string[] = [];
  for (let at = 0; at < path.length; at += 1) {
    const key = path[at];
    const next = path[at + 1];
    if (typeof key === 'string' && typeof next === 'number') {
      const item = items[key];
      phrases.push(item ? `${ordinal(next + 1)} ${item}` : `${name(key)}’s ${ordinal(next + 1)} item`);
      at += 1;
    } else if (typeof key === 'number') {
      phrases.push(`${ordinal(key + 1)} item`);
    } else {
      const compound = compounds[`${String(path[at - 1])}.${String(key)}`];
      if (compound) phrases.splice(-1, 1, compound);
      else phrases.push(name(String(key)));
    }
  }
  if (phrases.length === 0) return 'the frontmatter';
  return `the ${phrases.join('’s ')}`;
}
