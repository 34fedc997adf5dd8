import type { Root } from 'mdast';
import { resolve } from 'node:path';
import { lintRule } from 'unified-lint-rule';
import { articleSchema } from '../schema/index.ts';
import { unknownFieldMessage, unknownFields } from '../schema/unknown-fields.ts';
import type { UnknownField } from '../schema/unknown-fields.ts';
import {
  articleLinks,
  bodyPhotos,
  embedHosts,
  htmlComment,
  photoCredit,
  photoFile,
  repeatedWord,
  unbalancedPunctuation,
} from './body-rules.ts';
import { removedFile } from './content-index.ts';
import type { ArticleRef, ContentIndex } from './content-index.ts';
import { articleUrl } from '../urls.ts';
import { dateTime } from '../schema/fields.ts';
import { fieldWords } from '../field-words.ts';
import { lintHelpers } from './helpers.ts';
import { articleOf, origin } from './rule.ts';
import { malformedNumber, placeholder, staleAllow } from './text-rules.ts';

/**
 * The content rules, as remark-lint rules. Each gets the content index, finds the article it is
 * checking and reports where the editor can fix it. Rule ids are listed in content/README.md.
 * Here: the rules on the file and its frontmatter, and the list of every rule with its severity;
 * the rules on the body are in body-rules.ts.
 */

/** The longest headline that fits a front-page card and a search result. */
export const maxHeadline = 110;

/** The file has no frontmatter or no text at all. */
export const emptyFile = lintRule<Root, ContentIndex>(origin('empty-file'), (_, file, index) => {
  if (file.messages.some((message) => message.ruleId === 'unreadable-file')) return;
  if (String(file.value).trim() === '') {
    file.message('the file is empty: start a new article with `npm run new -- "Headline"`');
  } else if (!articleOf(file, index)?.frontmatter.found) {
    file.message(
      'the file has no frontmatter: it must start with a --- line, the fields, and another --- line',
    );
  }
});

/** The frontmatter must be closed, valid YAML, and fields. */
export const yamlSyntax = lintRule<Root, ContentIndex>(origin('yaml-syntax'), (_, file, index) => {
  for (const error of articleOf(file, index)?.frontmatter.errors ?? []) {
    file.message(error.message, { place: error });
  }
});

/**
 * The article schema, built once per content index: building zod schemas costs more than using them.
 * `image()` resolves photos against the file being checked, which is set before each (synchronous)
 * parse.
 */
interface ArticleCheck {
  parse: (path: string, data: unknown) => ReturnType<ReturnType<typeof articleSchema>['safeParse']>;
  unknown: (data: unknown) => UnknownField[];
}
const articleChecks = new WeakMap<ContentIndex, ArticleCheck>();

function articleCheck(index: ContentIndex): ArticleCheck {
  let check = articleChecks.get(index);
  if (!check) {
    let current = '';
    const schema = articleSchema(lintHelpers(() => current, index));
    check = {
      parse: (file, fields) => {
        current = file;
        return schema.safeParse(fields);
      },
      // The body's figures are the loader's to fill in, not a field an editor writes.
      unknown: (data) =>
        unknownFields(data, schema).map((field) =>
          field.in.length === 0
            ? { ...field, known: field.known.filter((key) => key !== 'bodyFigures') }
            : field,
        ),
    };
    articleChecks.set(index, check);
  }
  return check;
}

/** Every field as the schema requires, with every reference pointing at something that exists. */
export const schema = lintRule<Root, ContentIndex>(origin('schema'), (_, file, index) => {
  const article = articleOf(file, index);
  // Fields that cannot be read are yaml-syntax's one error, not a missing field each.
  if (!article || String(file.value).trim() === '' || article.frontmatter.errors.length > 0) return;
  const result = articleCheck(index).parse(resolve(file.cwd, file.path), article.frontmatter.data);
  if (result.success) return;
  for (const issue of result.error.issues) {
    file.message(`${fieldWords(issue.path)}: ${issue.message}`, {
      place: article.frontmatter.position(issue.path),
    });
  }
});

/**
 * A field the article schema does not have, which the schema would drop without a word: a typo of
 * `draft` would publish a draft, one of `featured` or `updatedAt` lose what the editor meant.
 */
export const unknownField = lintRule<Root, ContentIndex>(origin('unknown-field'), (_, file, index) => {
  const article = articleOf(file, index);
  if (!article || article.frontmatter.errors.length > 0) return;
  for (const field of articleCheck(index).unknown(article.frontmatter.data)) {
    // At the name, which is what to fix, rather than at the value.
    file.message(unknownFieldMessage(field, 'an article'), {
      place: article.frontmatter.keyPosition([...field.in, field.key]),
    });
  }
});

/** Two articles must not share a slug: they would share a URL. */
export const duplicateSlug = lintRule<Root, ContentIndex>(origin('duplicate-slug'), (_, file, index) => {
  const article = articleOf(file, index);
  if (!article) return;
  const others = (index.byId.get(article.id) ?? []).filter((other) => other !== article);
  for (const other of others) {
    const from = typeof article.frontmatter.data['slug'] === 'string' ? '' : ' (from the file name)';
    file.message(
      `the slug "${article.id}"${from} is also used by ${other.file.path}: give one of them another \`slug:\` or file name (the URL ${articleUrl(article.id)} would be taken twice)`,
      { place: article.frontmatter.position(['slug']) },
    );
  }
});

/**
 * An old address (`redirectFrom:`) leads to one place: not an address an article has now, not one
 * another article already redirects, not a story listed as taken down (src/lib/redirects.ts).
 */
export const redirectFrom = lintRule<Root, ContentIndex>(origin('redirect-from'), (_, file, index) => {
  const article = articleOf(file, index);
  if (!article || article.draft) return;
  const claimed = (path: string) => (other: ArticleRef) =>
    other !== article && !other.draft && other.redirectFrom.includes(path);
  for (const [at, path] of article.redirectFrom.entries()) {
    const place = article.frontmatter.position(['redirectFrom', at]);
    const owner = index.articles.find((other) => articleUrl(other.id) === path);
    const other = index.articles.find(claimed(path));
    const removal = index.removed.find((each) => each.path === path);
    const problem =
      owner === article
        ? `${path} is this article's own address: remove it from redirectFrom`
        : owner
          ? `${path} is the address of ${owner.file.path}: an address leads to one article, so remove it from redirectFrom here`
          : other
            ? `${path} is also in the redirectFrom of ${other.file.path}: an old address leads to one article, so keep it in one of them`
            : removal
              ? `${path} is listed as taken down in ${removedFile} (line ${removal.line}): remove it there or here`
              : undefined;
    if (problem) file.message(problem, { place });
  }
});

/** A series part number belongs to one article. */
export const seriesPart = lintRule<Root, ContentIndex>(origin('series-part'), (_, file, index) => {
  const article = articleOf(file, index);
  if (!article?.series || article.draft) return;
  const { id, part } = article.series;
  for (const other of index.articles) {
    if (other !== article && !other.draft && other.series?.id === id && other.series.part === part) {
      file.message(
        `part ${part} of series "${id}" is also ${other.file.path}: give each part its own number`,
        {
          place: article.frontmatter.position(['series', 'part']),
        },
      );
    }
  }
});

/** Headlines longer than a card or a search result can show. */
export const headlineLength = lintRule<Root, ContentIndex>(origin('headline-length'), (_, file, index) => {
  const article = articleOf(file, index);
  const title = article?.frontmatter.data['title'];
  if (article && typeof title === 'string' && title.length > maxHeadline) {
    file.message(`the headline has ${title.length} characters; keep it to ${maxHeadline} or fewer`, {
      place: article.frontmatter.position(['title']),
    });
  }
});

/** A date-time as the schema reads it, or undefined when the schema refuses it (and says so). */
function dateOf(value: unknown): Date | undefined {
  const parsed = dateTime().safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * A correction changes the article, so `updatedAt` must be at least as late as the newest one: pages
 * show "Updated …", and feed readers and the sitemap learn of the change only through it. Drafts are
 * checked once they are ready, as by the text rules.
 */
export const correctionUpdate = lintRule<Root, ContentIndex>(
  origin('correction-update'),
  (_, file, index) => {
    const article = articleOf(file, index);
    if (!article || article.draft) return;
    const { data, position } = article.frontmatter;
    const corrections: unknown[] = Array.isArray(data['corrections']) ? data['corrections'] : [];
    let newest: { at: number; written: string; date: Date } | undefined;
    for (const [at, correction] of corrections.entries()) {
      const written = (correction as { date?: unknown } | null)?.date;
      const date = dateOf(written);
      if (!date) return;
      if (!newest || date > newest.date) newest = { at, written: String(written), date };
    }
    if (!newest) return;
    const line = `\`updatedAt: "${newest.written}"\``;
    const why = 'so that the page says "Updated" and feed readers get the corrected article';
    const updatedAt = data['updatedAt'];
    if (updatedAt === undefined) {
      file.message(
        `updatedAt: the article has a correction (dated ${newest.written}) but no updatedAt: add the line ${line} under publishedAt, ${why}`,
        { place: position(['corrections', newest.at, 'date']) },
      );
      return;
    }
    const updated = dateOf(updatedAt);
    if (typeof updatedAt === 'string' && updated && updated < newest.date) {
      file.message(
        `updatedAt: "${updatedAt}" is earlier than the correction dated ${newest.written}: change the line to ${line}, ${why}`,
        { place: position(['updatedAt']) },
      );
    }
  },
);

/**
 * Every rule with its severity: errors stop the build, warnings are for the editor. Rules all run as
 * warnings and errors are marked afterwards (see lintContent), so that one file's error never stops
 * the others from being checked.
 */
export const contentRules = [
  { rule: emptyFile, id: 'empty-file', severity: 'error' },
  { rule: yamlSyntax, id: 'yaml-syntax', severity: 'error' },
  { rule: schema, id: 'schema', severity: 'error' },
  { rule: unknownField, id: 'unknown-field', severity: 'error' },
  { rule: duplicateSlug, id: 'duplicate-slug', severity: 'error' },
  { rule: seriesPart, id: 'series-part', severity: 'error' },
  { rule: redirectFrom, id: 'redirect-from', severity: 'error' },
  { rule: bodyPhotos, id: 'body-photo', severity: 'error' },
  { rule: photoFile, id: 'photo-file', severity: 'error' },
  { rule: articleLinks, id: 'article-link', severity: 'error' },
  { rule: embedHosts, id: 'embed', severity: 'error' },
  { rule: htmlComment, id: 'html-comment', severity: 'error' },
  { rule: malformedNumber, id: 'malformed-number', severity: 'error' },
  { rule: placeholder, id: 'placeholder', severity: 'error' },
  { rule: correctionUpdate, id: 'correction-update', severity: 'error' },
  { rule: photoCredit, id: 'photo-credit', severity: 'warning' },
  { rule: staleAllow, id: 'stale-allow', severity: 'warning' },
  { rule: headlineLength, id: 'headline-length', severity: 'warning' },
  { rule: unbalancedPunctuation, id: 'unbalanced-punctuation', severity: 'warning' },
  { rule: repeatedWord, id: 'repeated-word', severity: 'warning' },
] as const;

/** Rule ids whose messages are errors, including the checks made while reading the files. */
export const errorRules: ReadonlySet<string> = new Set([
  ...contentRules.filter((each) => each.severity === 'error').map((each) => each.id),
  'unreadable-file',
  'section-tree',
  'removed-article',
]);
