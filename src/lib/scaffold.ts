import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { articleId, splitFrontmatter } from './article-loader';
import { isoInZone } from './dates';
import { buildClock, contentRoot } from './env';
import { maxHeadline } from './lint/rules';
import { articleUrl } from './urls';

/**
 * `npm run new -- "Headline" --section business/auto --author ni-tao`: scaffolds
 * content/articles/<slug>/index.md with frontmatter that passes the schema and the content linter.
 * The scaffold is a draft with a TODO standfirst, so an unfinished article never publishes.
 */

/** What the editor asked for on the command line. */
export interface NewArticleOptions {
  headline: string;
  section: string;
  authors: string[];
  /** The folder name (and URL slug); from the headline when absent. */
  slug?: string | undefined;
  /** Writes `draft: true` (the default); `--no-draft` leaves it out. */
  draft: boolean;
}

/** A mistake the editor can fix by changing the command: the CLI prints it and exits with 2. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

/** The longest slug made from a headline; longer ones are cut at a word boundary. */
export const maxSlugLength = 60;

/** The placeholder standfirst: obvious in the editor, the preview and a diff. */
export const standfirstPlaceholder =
  'TODO: one or two sentences under the headline, also the summary in feeds';

export const usage = `Usage: npm run new -- "Headline" --section <section> --author <author> [--author <author>…] [--slug <slug>] [--no-draft]

  --section   a section id, a file in content/sections/ (e.g. business/auto)
  --author    an author id, a file in content/authors/ (e.g. ni-tao); repeat it for several authors
  --slug      the folder name and URL, when the headline's would not do (required for a headline
              without Latin letters or digits)
  --draft     mark the article as a draft (the default)
  --no-draft  leave out draft: true, so the article publishes in the next build after publishedAt`;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Parses the arguments after `npm run new --`; `'help'` for --help. Throws ScaffoldError. */
export function parseNewArticleArgs(argv: readonly string[]): NewArticleOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        section: { type: 'string' },
        author: { type: 'string', multiple: true },
        slug: { type: 'string' },
        draft: { type: 'boolean' },
        'no-draft': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new ScaffoldError(`${(error as Error).message}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const problems: string[] = [];
  if (positionals.length > 1) {
    problems.push(
      `expected one headline but got ${positionals.length} words (${positionals.join(' ')}): put the headline in quotes, npm run new -- "${positionals.join(' ')}" …`,
    );
  }
  const headline = (positionals[0] ?? '').replace(/\s+/g, ' ').trim();
  if (positionals.length <= 1 && !headline) {
    problems.push('needs a headline: npm run new -- "Xiaomi opens its second car factory" …');
  }
  const section = (values.section ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (!section) problems.push('needs a section: add --section <id>, e.g. --section business/auto');
  const authors = [
    ...new Set((values.author ?? []).flatMap((each) => each.split(',')).map((each) => each.trim())),
  ].filter(Boolean);
  if (authors.length === 0)
    problems.push('needs at least one author: add --author <id>, e.g. --author ni-tao');
  const slug = values.slug?.trim();
  if (slug !== undefined && !slugPattern.test(slug)) {
    problems.push(
      `--slug "${slug}" must be lowercase letters, digits and single hyphens, e.g. --slug xiaomi-second-factory`,
    );
  }
  if (values.draft && values['no-draft'])
    problems.push('--draft and --no-draft contradict each other: keep one');
  if (problems.length > 0) throw new ScaffoldError(`${problems.join('\n')}\n\n${usage}`);
  return { headline, section, authors, slug, draft: !values['no-draft'] };
}

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
 * boundary. Words in other scripts are left out; a headline with nothing left needs `--slug`.
 */
export function slugFromHeadline(headline: string, max: number = maxSlugLength): string {
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
  if (!slug) {
    throw new ScaffoldError(
      `the headline "${headline}" has no Latin letters or digits to make its URL from: choose one with --slug, e.g. --slug xiaomi-second-factory`,
    );
  }
  return slug;
}

/** Words of the headline that the slug leaves out because they are in another script (e.g. 小米). */
export function wordsLeftOutOfSlug(headline: string): string[] {
  return (fold(headline).match(/[^\p{ASCII}\s]+/gu) ?? []).filter((run) => /[\p{L}\p{N}]/u.test(run));
}

/** `now` in the site timezone with its offset, to the minute: "2026-11-27T06:12:00+08:00". */
export function publishedAtFor(now: Date, timeZone: string): string {
  return isoInZone(new Date(Math.floor(now.getTime() / 60_000) * 60_000), timeZone);
}

/** One YAML value on one line, quoted only when YAML needs it (js-yaml's default schema, the strictest). */
function yamlValue(value: unknown): string {
  return yaml.dump(value, { flowLevel: 0, lineWidth: -1 }).trimEnd();
}

/** The text of a new article file: frontmatter that passes the schema, then a commented body skeleton. */
export function articleText(options: NewArticleOptions, publishedAt: string): string {
  const lines = [
    '---',
    `title: ${yamlValue(options.headline)}`,
    `standfirst: ${yamlValue(standfirstPlaceholder)}`,
    `section: ${yamlValue(options.section)}`,
    `authors: ${yamlValue(options.authors)}`,
    `publishedAt: ${JSON.stringify(publishedAt)} # with its UTC offset; a later time embargoes the article until then`,
    'format: news # news, analysis, opinion or feature',
    'tags: [] # topics, as readers would search for them, e.g. [Xiaomi, Electric vehicles]',
    ...(options.draft
      ? ['draft: true # never published while this line is here: delete it when the article is ready']
      : []),
    '---',
    '',
    '<!--',
    'TODO: write the article here in Markdown, then delete this comment. A blank line starts a new',
    'paragraph; a line starting with "## " is a subheading.',
    '',
    'A photo alone in its paragraph becomes a figure. Put the photo file beside this index.md:',
    '',
    '![What the photo shows, for readers who cannot see it](./photo.jpg "Caption. Credit: Photographer or agency")',
    '',
    'The alt text between the brackets is required; caption and credit are optional.',
    'All fields are explained in content/README.md.',
    '-->',
    '',
  ];
  return lines.join('\n');
}

/** Ids of a data collection: the YAML files under content/<folder>/, without the extension. */
async function collectionIds(root: string, folder: 'sections' | 'authors'): Promise<string[]> {
  try {
    const entries = await readdir(join(root, folder), { recursive: true });
    return entries
      .filter((entry) => /\.ya?ml$/.test(entry))
      .map((entry) =>
        entry
          .replace(/\.ya?ml$/, '')
          .split('\\')
          .join('/'),
      )
      .sort();
  } catch {
    return [];
  }
}

/** Edit distance, for "did you mean …?". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** "…: use one of a, b, c" (or the closest few when there are many), with "did you mean" first. */
export function unknownIdMessage(kind: 'section' | 'author', id: string, known: readonly string[]): string {
  const folder = kind === 'section' ? 'sections' : 'authors';
  const flag = kind === 'section' ? '--section' : '--author';
  const head = `${kind} "${id}" does not exist (no content/${folder}/${id}.yaml)`;
  if (known.length === 0) return `${head}: content/${folder}/ has none yet; create the file first`;
  const closest = [...known].sort((a, b) => distance(id, a) - distance(id, b) || (a < b ? -1 : 1));
  const suggestion =
    closest[0] && distance(id, closest[0]) <= 3 ? ` Did you mean ${flag} ${closest[0]}?` : '';
  const list =
    known.length <= 20
      ? known.join(', ')
      : `${closest.slice(0, 5).join(', ')}, … (${known.length} in content/${folder}/)`;
  return `${head}: use one of ${list}.${suggestion}`;
}

/** The article files whose id (slug) is `slug`, relative to articles/. */
async function articlesWithId(articlesDir: string, slug: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(articlesDir, { recursive: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.filter((each) => each.endsWith('.md'))) {
    const source = await readFile(join(articlesDir, entry), 'utf8');
    const { frontmatter } = splitFrontmatter(source);
    let data: Record<string, unknown> = {};
    if (/^slug\s*:/m.test(frontmatter)) {
      try {
        data = (yaml.load(frontmatter, { schema: yaml.CORE_SCHEMA }) ?? {}) as Record<string, unknown>;
      } catch {
        // The linter reports broken YAML; the file name still gives an id.
      }
    }
    if (articleId(entry, data) === slug) found.push(entry);
  }
  return found;
}

/** What `createArticle` did. */
export interface CreatedArticle {
  /** Absolute path of the new index.md. */
  file: string;
  slug: string;
  /** Things the editor should know that do not stop the scaffold. */
  notes: string[];
}

/**
 * Writes content/articles/<slug>/index.md under `root`. Checks the section and authors exist and that
 * no article has the slug yet; never overwrites. Throws ScaffoldError with what to do.
 */
export async function createArticle(
  root: string,
  options: NewArticleOptions,
  now: Date,
  timeZone: string,
): Promise<CreatedArticle> {
  const problems: string[] = [];
  const sections = await collectionIds(root, 'sections');
  if (!sections.includes(options.section)) {
    problems.push(unknownIdMessage('section', options.section, sections));
  }
  const authors = await collectionIds(root, 'authors');
  for (const author of options.authors) {
    if (!authors.includes(author)) problems.push(unknownIdMessage('author', author, authors));
  }
  let slug = options.slug;
  try {
    slug ??= slugFromHeadline(options.headline);
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    problems.push(error.message);
  }
  if (problems.length > 0 || slug === undefined) throw new ScaffoldError(problems.join('\n'));

  const articlesDir = join(root, 'articles');
  const folder = join(articlesDir, slug);
  const taken = await articlesWithId(articlesDir, slug);
  if (taken.length > 0) {
    throw new ScaffoldError(
      `an article with the slug "${slug}" already exists (${taken.map((entry) => `content/articles/${entry}`).join(', ')}): choose another with --slug, e.g. --slug ${slug}-2`,
    );
  }
  try {
    await mkdir(articlesDir, { recursive: true });
    await mkdir(folder); // not recursive: fails if the folder exists, even without an article in it
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new ScaffoldError(
      `content/articles/${slug}/ already exists: choose another folder with --slug, or delete it if it is left over`,
    );
  }
  const file = join(folder, 'index.md');
  await writeFile(file, articleText(options, publishedAtFor(now, timeZone)), { flag: 'wx' });

  const notes: string[] = [];
  const leftOut = options.slug ? [] : wordsLeftOutOfSlug(options.headline);
  if (leftOut.length > 0) {
    notes.push(
      `the URL leaves out ${leftOut.join(' ')}: if ${articleUrl(slug)} does not read well, delete the folder and run again with --slug`,
    );
  }
  if (options.headline.length > maxHeadline) {
    notes.push(
      `the headline has ${options.headline.length} characters; keep it to ${maxHeadline} or fewer so it fits a card`,
    );
  }
  return { file, slug, notes };
}

/** Where the CLI writes and how it reads its environment; tests pass their own. */
export interface NewArticleIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  timeZone: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * The whole `npm run new` command: prints the new file's path on stdout (notes and next steps on
 * stderr) and returns the exit code: 0, or 2 for a mistake in the command.
 */
export async function newArticle(argv: readonly string[], io: NewArticleIo): Promise<number> {
  try {
    const options = parseNewArticleArgs(argv);
    if (options === 'help') {
      io.out(usage);
      return 0;
    }
    let now: Date;
    try {
      now = buildClock(io.env);
    } catch (error) {
      throw new ScaffoldError((error as Error).message);
    }
    const created = await createArticle(contentRoot(io.env), options, now, io.timeZone);
    // Relative to where the editor is when the file is below it, else absolute.
    const shown = (path: string) => {
      const near = relative(io.cwd, path);
      return near.startsWith('..') || isAbsolute(near) ? path : near;
    };
    io.out(shown(created.file));
    for (const note of created.notes) io.err(`note: ${note}`);
    io.err(
      `Next: replace the TODO standfirst, write the article${options.draft ? ', then delete `draft: true`' : ''}. Photos go beside it in ${shown(dirname(created.file))}/.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    io.err(error.message);
    return 2;
  }
}
