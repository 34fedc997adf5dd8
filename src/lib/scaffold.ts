import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { articleId } from './article-loader.ts';
import { articleText, publishedAtFor } from './article-template.ts';
import type { NewArticleOptions } from './article-template.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { maxHeadline } from './lint/rules.ts';
import { unknownReference } from './references.ts';
import { slugFromHeadline, wordsLeftOutOfSlug } from './slug.ts';
import { articleUrl } from './urls.ts';

/**
 * Writing a new article for `npm run new` (scripts/new-article.ts reads the command line): checks
 * that the section and authors exist and that no article has the slug, then writes
 * content/articles/<slug>/index.md, never over anything.
 */

/** A mistake the editor can fix by changing the command: the CLI prints it and exits with 2. */
export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
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

/** The article files whose id (slug) is `slug`, relative to `articlesDir`. */
export async function articlesWithId(articlesDir: string, slug: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(articlesDir, { recursive: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.filter((each) => each.endsWith('.md'))) {
    // Broken frontmatter gives no fields (the linter reports it); the file name still gives an id.
    const { data } = parseFrontmatter(await readFile(join(articlesDir, entry), 'utf8'));
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
    problems.push(unknownReference('sections', options.section, sections));
  }
  const authors = await collectionIds(root, 'authors');
  for (const author of options.authors) {
    if (!authors.includes(author)) problems.push(unknownReference('authors', author, authors));
  }
  const slug = options.slug ?? slugFromHeadline(options.headline);
  if (slug === undefined) {
    problems.push(
      `the headline "${options.headline}" has no Latin letters or digits to make its URL from: choose one with --slug, e.g. --slug xiaomi-second-factory`,
    );
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
