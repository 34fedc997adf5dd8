import { readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { VFile } from 'vfile';
import { z } from 'astro/zod';
import { fileLooks, isVisible, looksSettled } from '../article-files.ts';
import { cacheDirFor } from '../env.ts';
import { inBuild, publicationState } from '../publishing.ts';
import type { PublicationState } from '../publishing.ts';
import { authorSchema, pageSchema, sectionSchema, seriesSchema } from '../schema/index.ts';
import { pageNameProblem } from '../page-names.ts';
import { sectionTreeProblems } from '../sections.ts';
import { keyOffset, parseFrontmatter } from '../frontmatter.ts';
import type { Frontmatter } from '../frontmatter.ts';
import { fieldWords } from '../field-words.ts';
import { lintHelpers } from './helpers.ts';
import { parseDocument } from 'yaml';
import { lineColumn, yamlProblems } from '../yaml-problems.ts';
import { oldPath } from '../redirects.ts';
import type { Removal } from '../redirects.ts';
import { removedSchema } from '../schema/removed.ts';
import { articleFacts, articleFactsCache } from './article-facts.ts';
import type { ArticleFacts } from './article-facts.ts';
import { unknownFieldMessage, unknownFields } from '../schema/unknown-fields.ts';
import { articleUrl } from '../urls.ts';

/** The takedown list, beside the articles (content/README.md, "Taking a story down"). */
export const removedFile = 'removed.yaml';

/**
 * Everything the content rules need to know across files, read once before any article is checked:
 * which sections, authors and series exist, and each article's id, state and series part.
 */

/** One article file as the cross-file rules see it: its facts (article-facts.ts) at the build clock. */
export interface ArticleRef extends Omit<ArticleFacts, 'publishedAt'> {
  /** Its file, whose text is read when first asked for when its facts were kept. */
  file: VFile;
  /** The digest of its text (article-facts.ts), by which the lint cache keeps its messages. */
  digest: string;
  frontmatter: Frontmatter;
  /** In the production build at the build clock (src/lib/publishing.ts decides, as for the build). */
  published: boolean;
  /** Where it stands at the build clock; undefined when `publishedAt` cannot be read. */
  state?: PublicationState | undefined;
  publishedAt?: Date | undefined;
}

/** A takedown in content/removed.yaml that the schema accepts, with its line there. */
export interface RemovalRef extends Removal {
  line: number;
}

/** The content folder, read. */
export interface ContentIndex {
  root: string;
  now: Date;
  sections: Set<string>;
  authors: Set<string>;
  series: Map<string, { parts: number }>;
  articles: ArticleRef[];
  /** Articles by id (several when a slug is used twice). */
  byId: Map<string, ArticleRef[]>;
  /** Articles by their file's path as reported. */
  byPath: Map<string, ArticleRef>;
  /** Data files (sections, authors, series, pages, removed.yaml) with their problems already attached. */
  dataFiles: VFile[];
  /** The takedowns listed in content/removed.yaml. */
  removed: RemovalRef[];
}

async function filesUnder(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true });
    // What the build reads: a file in a hidden folder (a backup, an editor's trash) is not content.
    return entries.filter((entry) => pattern.test(entry) && isVisible(entry)).sort();
  } catch {
    return [];
  }
}

/** Reads the text of `file`, at `path`; one it cannot read is given a message and no text. */
function readInto(file: VFile, path: string): void {
  try {
    // Read at once: 10,000 articles read a promise at a time took three times as long.
    file.value = readFileSync(path, 'utf8');
  } catch (error) {
    file.value = '';
    const code = (error as NodeJS.ErrnoException).code;
    // Not fatal yet: lintContent marks it as an error once every file has been checked.
    file.message(
      code === 'EISDIR'
        ? 'is a folder, not a Markdown file: rename it so it does not end in .md'
        : `cannot be read (${code ?? String(error)}): check that the file exists and its permissions let the build read it`,
      { ruleId: 'unreadable-file', source: 'broadsheet' },
    );
  }
}

function readVFile(path: string, cwd: string): VFile {
  const file = new VFile({ path: relative(cwd, path), cwd });
  readInto(file, path);
  return file;
}

/**
 * A file whose text is read when first asked for: that of an article whose facts were kept (its
 * file looks as it did) and whose messages the lint cache has, as most have at each build, is not.
 */
function vfileReadLater(path: string, cwd: string): VFile {
  const file = new VFile({ path: relative(cwd, path), cwd });
  Object.defineProperty(file, 'value', {
    configurable: true,
    enumerable: true,
    get() {
      readInto(file, path);
      return file.value;
    },
    // Once read (or set), the text is the file's own, as in any other VFile.
    set(value: unknown) {
      Object.defineProperty(file, 'value', { value, writable: true, configurable: true, enumerable: true });
    },
  });
  return file;
}

/** Checks the YAML data files of one collection and returns the ids of the valid ones. */
async function dataCollection(
  root: string,
  cwd: string,
  folder: string,
  schemaFor: (path: string) => z.ZodType,
  dataFiles: VFile[],
  one: string,
): Promise<Map<string, unknown>> {
  const valid = new Map<string, unknown>();
  for (const entry of await filesUnder(join(root, folder), /\.ya?ml$/)) {
    const file = readVFile(join(root, folder, entry), cwd);
    dataFiles.push(file);
    const id = entry.replace(/\.ya?ml$/, '');
    const text = String(file.value);
    const document = parseDocument(text, { prettyErrors: false });
    const problems = yamlProblems(text, document.errors);
    for (const { message, offset } of problems) fail(file, message, 'yaml-syntax', lineColumn(text, offset));
    if (problems.length > 0) continue;
    const data = (document.toJS() as unknown) ?? {};
    const schema = schemaFor(join(root, folder, entry));
    for (const field of unknownFields(data, schema)) {
      const offset = keyOffset(document, [...field.in, field.key]);
      const place = offset === undefined ? undefined : lineColumn(text, offset);
      fail(file, unknownFieldMessage(field, one), 'unknown-field', place);
    }
    const result = schema.safeParse(data);
    if (result.success) valid.set(id, result.data);
    else
      for (const issue of result.error.issues)
        fail(
          file,
          `${issue.path.length > 0 ? fieldWords(issue.path) : 'the file'}: ${issue.message}`,
          'schema',
        );
  }
  return valid;
}

function fail(file: VFile, reason: string, ruleId: string, place?: { line: number; column: number }) {
  const message = file.message(reason, { place, ruleId, source: 'broadsheet' });
  message.fatal = true;
}

/**
 * Reads the content folder at `root`. Paths in messages are relative to `cwd`. An article file that
 * looks as it did at the last run is not read (`articleFactsCache`); looks are trusted once settled
 * at `lookedAt`.
 */
export async function indexContent(
  root: string,
  now: Date,
  cwd: string = process.cwd(),
  lookedAt: number = Date.now(),
): Promise<ContentIndex> {
  const dataFiles: VFile[] = [];
  const sections = await dataCollection(root, cwd, 'sections', () => sectionSchema, dataFiles, 'a section');
  const authors = await dataCollection(
    root,
    cwd,
    'authors',
    (path) =>
      authorSchema(lintHelpers(() => path, { sections: new Set(), authors: new Set(), series: new Map() })),
    dataFiles,
    'an author',
  );
  const series = (await dataCollection(
    root,
    cwd,
    'series',
    () => seriesSchema,
    dataFiles,
    'a series',
  )) as Map<string, { parts: number }>;
  for (const problem of sectionTreeProblems(sections.keys())) {
    const id = /section "([^"]+)"/.exec(problem)?.[1] ?? '';
    const file = dataFiles.find(
      (each) => each.path.endsWith(`sections/${id}.yaml`) || each.path.endsWith(`sections/${id}.yml`),
    );
    if (file) fail(file, problem.replace(/^section "[^"]+" /, ''), 'section-tree');
  }
  for (const entry of await filesUnder(join(root, 'pages'), /\.md$/)) {
    const file = readVFile(join(root, 'pages', entry), cwd);
    dataFiles.push(file);
    const clash = pageNameProblem(entry.replace(/\.md$/, ''), sections);
    if (clash) fail(file, clash, 'section-tree', { line: 1, column: 1 });
    const frontmatter = parseFrontmatter(String(file.value));
    const { data, errors } = frontmatter;
    for (const error of errors) fail(file, error.message, 'yaml-syntax', error);
    if (errors.length > 0) continue;
    for (const field of unknownFields(data, pageSchema)) {
      const place = frontmatter.keyPosition([...field.in, field.key]);
      fail(file, unknownFieldMessage(field, 'a page'), 'unknown-field', place);
    }
    const result = pageSchema.safeParse(data);
    if (!result.success)
      for (const issue of result.error.issues)
        fail(file, `${fieldWords(issue.path, { title: 'title' })}: ${issue.message}`, 'schema');
  }

  const articles: ArticleRef[] = [];
  const kept = articleFactsCache(join(cacheDirFor(root, cwd), 'article-facts.json'));
  for (const entry of await filesUnder(join(root, 'articles'), /\.md$/)) {
    const path = join(root, 'articles', entry);
    // A file is trusted by its looks only as a file: a folder named .md is reported as one.
    const stats = statSync(path, { throwIfNoEntry: false });
    const looks = stats?.isFile() ? fileLooks(stats) : undefined;
    const known = kept.unchanged(entry, looks);
    const file = known ? vfileReadLater(path, cwd) : readVFile(path, cwd);
    // Read when a rule needs it: the file of an unchanged article is not checked again.
    let frontmatter: Frontmatter | undefined;
    const read = () => (frontmatter ??= parseFrontmatter(String(file.value)));
    const {
      facts: { id, draft, publishedAt: written, series, redirectFrom },
      digest,
    } =
      known ??
      kept.facts(
        entry,
        String(file.value),
        () => articleFacts(entry, read()),
        // Looks are kept only for a file read whole, once they are settled.
        stats && file.messages.length === 0 && looksSettled(stats, lookedAt) ? looks : undefined,
      );
    const date = written === undefined ? undefined : new Date(written);
    const publishedAt = date && !Number.isNaN(date.getTime()) ? date : undefined;
    const gated = publishedAt && { draft, publishedAt };
    articles.push({
      file,
      digest,
      get frontmatter() {
        return read();
      },
      id,
      draft,
      publishedAt,
      published: !!gated && inBuild(gated, now, { preview: false }),
      state: gated && publicationState(gated, now),
      series,
      redirectFrom,
    });
  }
  kept.save();
  const byId = new Map<string, ArticleRef[]>();
  for (const article of articles) {
    const same = byId.get(article.id);
    if (same) same.push(article);
    else byId.set(article.id, [article]);
  }
  const removed = await readRemoved(root, cwd, articles, dataFiles);
  return {
    root,
    now,
    removed,
    sections: new Set(sections.keys()),
    authors: new Set(authors.keys()),
    series,
    articles,
    byId,
    byPath: new Map(articles.map((article) => [article.file.path, article])),
    dataFiles,
  };
}

/**
 * Reads content/removed.yaml (absent: nothing was taken down), attaching its problems to it with
 * their lines: a takedown the schema refuses, an address listed twice, or the address of an article
 * that is published or embargoed (its file must go, or become a draft, for it to leave every listing).
 */
async function readRemoved(
  root: string,
  cwd: string,
  articles: ArticleRef[],
  dataFiles: VFile[],
): Promise<RemovalRef[]> {
  const path = join(root, removedFile);
  try {
    await stat(path);
  } catch {
    return [];
  }
  const file = readVFile(path, cwd);
  dataFiles.push(file);
  const text = String(file.value);
  const document = parseDocument(text, { prettyErrors: false });
  const problems = yamlProblems(text, document.errors);
  for (const { message, offset } of problems) fail(file, message, 'yaml-syntax', lineColumn(text, offset));
  if (problems.length > 0) return [];
  const at = (keys: (string | number)[]) => {
    const node = document.getIn(keys, true) as { range?: number[] } | undefined;
    return lineColumn(text, node?.range?.[0] ?? 0);
  };
  const data = (document.toJS() as unknown) ?? [];
  const result = removedSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const keys = issue.path.filter((key) => typeof key !== 'symbol');
      fail(file, `${fieldWords(keys)}: ${issue.message}`, 'schema', at(keys));
    }
    return [];
  }
  // An embargoed article counts: it would replace the removed page when its embargo lifts.
  const live = new Map(
    articles.filter((article) => !article.draft).map((article) => [articleUrl(article.id), article]),
  );
  const seen = new Map<string, number>();
  return result.data.map((entry, position) => {
    const place = at([position, 'path']);
    const removal = { ...entry, path: oldPath(entry.path), line: place.line };
    const article = live.get(removal.path);
    if (article) {
      fail(
        file,
        `${removal.path} is the address of ${article.file.path}, which is ${article.published ? 'published' : 'embargoed'}: delete that file (or set draft: true in it) to take the story down, or remove this entry`,
        'removed-article',
        place,
      );
    }
    const earlier = seen.get(removal.path);
    if (earlier) {
      fail(
        file,
        `${removal.path} is already listed on line ${earlier}: list each address once`,
        'removed-article',
        place,
      );
    }
    seen.set(removal.path, removal.line);
    return removal;
  });
}
