import type { Html, Link, Root, Text } from 'mdast';
import type { Point, Position } from 'unist';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lintRule } from 'unified-lint-rule';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { embedHost } from '../../markdown/embeds';
import { site } from '../../site.config';
import { parseFigureTitle, standaloneImages } from '../figures';
import { articleSchema } from '../schema';
import { articleUrl } from '../urls';
import { lintHelpers } from './helpers';
import type { ArticleRef, ContentIndex } from './content-index';
import { imageProblem } from './images';

/**
 * The content rules, as remark-lint rules. Each gets the content index, finds the article it is
 * checking and reports where the editor can fix it. Rule ids are listed in content/README.md.
 */

/** The longest headline that fits a front-page card and a search result. */
export const maxHeadline = 110;

const origin = (rule: string) => ({ origin: `broadsheet:${rule}`, url: 'content/README.md#lint-messages' });

function articleOf(file: VFile, index: ContentIndex): ArticleRef | undefined {
  return index.byPath.get(file.path);
}

/** The file has no frontmatter or no text at all. */
export const emptyFile = lintRule<Root, ContentIndex>(origin('empty-file'), (_, file) => {
  if (file.messages.some((message) => message.ruleId === 'unreadable-file')) return;
  if (String(file.value).trim() === '') {
    file.message('the file is empty: start a new article with `npm run new -- "Headline"`');
  } else if (!/^---\r?\n/.test(String(file.value))) {
    file.message(
      'the file has no frontmatter: it must start with a --- line, the fields, and another --- line',
    );
  }
});

/** The frontmatter must be valid YAML. */
export const yamlSyntax = lintRule<Root, ContentIndex>(origin('yaml-syntax'), (_, file, index) => {
  for (const error of articleOf(file, index)?.frontmatter.errors ?? []) {
    file.message(`the frontmatter is not valid YAML: ${error.message}`, { place: error });
  }
});

/**
 * The article schema, built once per content index: building zod schemas costs more than using them.
 * `image()` resolves photos against the file being checked, which is set before each (synchronous)
 * parse.
 */
type ArticleCheck = (
  path: string,
  data: unknown,
) => ReturnType<ReturnType<typeof articleSchema>['safeParse']>;
const articleChecks = new WeakMap<ContentIndex, ArticleCheck>();

function checkArticle(index: ContentIndex, path: string, data: unknown) {
  let check = articleChecks.get(index);
  if (!check) {
    let current = '';
    const schema = articleSchema(lintHelpers(() => current, index));
    check = (file, fields) => {
      current = file;
      return schema.safeParse(fields);
    };
    articleChecks.set(index, check);
  }
  return check(path, data);
}

/** Every field as the schema requires, with every reference pointing at something that exists. */
export const schema = lintRule<Root, ContentIndex>(origin('schema'), (_, file, index) => {
  const article = articleOf(file, index);
  if (!article || String(file.value).trim() === '') return;
  const result = checkArticle(index, resolve(file.cwd, file.path), article.frontmatter.data);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const field = path.join('.') || 'frontmatter';
    file.message(`${field}: ${issue.message}`, { place: article.frontmatter.position(issue.path) });
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

/** Photos in the body need alt text, an existing file, and (as a warning) a credit. */
export const bodyPhotos = lintRule<Root, ContentIndex>(origin('body-photo'), (tree, file) => {
  for (const { image } of standaloneImages(tree)) {
    if (!image.alt?.trim()) {
      file.message(
        'this photo has no alt text: describe what it shows between the brackets, ![like this](./photo.jpg)',
        image,
      );
    }
    if (!/^https?:\/\//.test(image.url) && !existsSync(resolve(file.cwd, dirname(file.path), image.url))) {
      file.message(`photo "${image.url}" does not exist next to the article: check the file name`, image);
    }
  }
});

/** Photos should say who took them. */
export const photoCredit = lintRule<Root, ContentIndex>(origin('photo-credit'), (tree, file, index) => {
  for (const { image } of standaloneImages(tree)) {
    if (!parseFigureTitle(image.title).credit) {
      file.message('this photo has no credit: end its title with "Credit: Photographer or agency"', image);
    }
  }
  const article = articleOf(file, index);
  const hero = article?.frontmatter.data['hero'] as { credit?: unknown } | undefined;
  if (article && hero && !hero.credit) {
    file.message('the lead photo has no credit: add `credit:` under `hero:`', {
      place: article.frontmatter.position(['hero']),
    });
  }
});

/** Photos that exist must also decode: a truncated or corrupt file would publish a broken image. */
export const photoFile = lintRule<Root, ContentIndex>(origin('photo-file'), async (tree, file, index) => {
  const article = articleOf(file, index);
  const hero = article?.frontmatter.data['hero'] as { src?: unknown } | undefined;
  const photos: { src: string; place: Point | Position | undefined }[] = standaloneImages(tree).map(
    ({ image }) => ({
      src: image.url,
      place: image.position,
    }),
  );
  if (article && typeof hero?.src === 'string')
    photos.push({ src: hero.src, place: article.frontmatter.position(['hero', 'src']) });
  for (const { src, place } of photos) {
    const path = resolve(file.cwd, dirname(file.path), src);
    if (/^https?:\/\//.test(src) || !existsSync(path)) continue;
    const problem = await imageProblem(path);
    if (problem) file.message(`photo "${src}" ${problem}: export it again from the original`, { place });
  }
});

const articlePath = /^(?:https?:\/\/[^/]+)?\/articles\/([^/?#]+)\/?(?:[?#].*)?$/;

/** Links to other articles must point at a published article. */
export const articleLinks = lintRule<Root, ContentIndex>(origin('article-link'), (tree, file, index) => {
  visit(tree, 'link', (link: Link) => {
    const id = articlePath.exec(link.url)?.[1];
    if (!id) return;
    const target = index.byId.get(id)?.[0];
    if (!target) {
      file.message(
        `the link to ${link.url} goes nowhere: no article has the slug "${id}"; correct the link or remove it`,
        link,
      );
    } else if (!target.published) {
      file.message(
        `the link to ${link.url} points at ${target.draft ? 'a draft' : 'an embargoed article'}, which readers cannot open yet; remove the link until that article is published`,
        link,
      );
    }
  });
});

/** Embeds only from the hosts in the site config, each with a title for screen readers. */
export const embedHosts = lintRule<Root, ContentIndex>(origin('embed'), (tree, file) => {
  visit(tree, 'html', (node: Html) => {
    for (const [tag] of node.value.matchAll(/<iframe\b[^>]*>/gi)) {
      const src = /\bsrc\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? '';
      const host = embedHost(src);
      if (!host || !site.embedHosts.includes(host)) {
        file.message(
          `the embed from ${host ?? (src || 'an unknown address')} is not allowed: embeds may come only from ${site.embedHosts.join(', ')} (embedHosts in src/site.config.ts)`,
          node,
        );
      } else if (!/\btitle\s*=\s*["'][^"']+["']/i.test(tag)) {
        file.message('this embed has no title: add title="what it shows" for screen readers', node);
      }
    }
  });
});

/**
 * An HTML comment left open hides everything after it in its block (to the end of the article when
 * the block starts with the comment), and the sanitizer then drops it without a word.
 */
export const htmlComment = lintRule<Root, ContentIndex>(origin('html-comment'), (tree, file) => {
  visit(tree, 'html', (node: Html) => {
    const opened = node.value.lastIndexOf('<!--');
    if (opened !== -1 && !node.value.includes('-->', opened + 4)) {
      file.message(
        'this HTML comment is never closed: the text after it would not be published; close it with --> or remove it',
        node,
      );
    }
  });
});

/** Text nodes of the body with their positions. */
function texts(tree: Root, each: (node: Text) => void) {
  visit(tree, 'text', each);
}

/**
 * Numbers with broken digit groups: letters inside a group ("814,9f00") or groups that are not three
 * digits in English text ("1,00,000").
 */
export function malformedNumbers(text: string): string[] {
  return [...text.matchAll(/\d[\da-z]*(?:,[\da-z]+)+/gi)]
    .map((match) => match[0])
    .filter((token) => {
      const [first = '', ...groups] = token.split(',');
      return !/^\d{1,3}$/.test(first) || groups.some((group) => !/^\d{3}$/.test(group));
    });
}

export const malformedNumber = lintRule<Root, ContentIndex>(origin('malformed-number'), (tree, file) => {
  texts(tree, (node) => {
    for (const token of malformedNumbers(node.value)) {
      file.message(`"${token}" is not a well-formed number: check the digits and commas`, node);
    }
  });
});

/** A paragraph whose quotes or brackets do not pair up. */
export function unbalanced(text: string): string[] {
  const problems: string[] = [];
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  if (count(/"/g) % 2 === 1) problems.push('an odd number of " quotes');
  if (count(/“/g) !== count(/”/g)) problems.push('unpaired “ ” quotes');
  if (count(/\(/g) !== count(/\)/g)) problems.push('unpaired ( ) brackets');
  if (count(/\[/g) !== count(/\]/g)) problems.push('unpaired [ ] brackets');
  return problems;
}

export const unbalancedPunctuation = lintRule<Root, ContentIndex>(
  origin('unbalanced-punctuation'),
  (tree, file) => {
    visit(tree, 'paragraph', (paragraph) => {
      let text = '';
      visit(paragraph, 'text', (node: Text) => {
        text += node.value;
      });
      for (const problem of unbalanced(text)) file.message(`this paragraph has ${problem}`, paragraph);
    });
  },
);

/** The same word twice in a row ("the the"). */
export function repeatedWords(text: string): string[] {
  return [...text.matchAll(/\b(\p{L}+)\s+\1\b/giu)].map((match) => match[0]);
}

export const repeatedWord = lintRule<Root, ContentIndex>(origin('repeated-word'), (tree, file) => {
  texts(tree, (node) => {
    for (const words of repeatedWords(node.value)) file.message(`"${words}": a word is repeated`, node);
  });
});

/**
 * Every rule with its severity: errors stop the build, warnings are for the editor. Rules all run as
 * warnings and errors are marked afterwards (see lintContent), so that one file's error never stops
 * the others from being checked.
 */
export const contentRules = [
  { rule: emptyFile, id: 'empty-file', severity: 'error' },
  { rule: yamlSyntax, id: 'yaml-syntax', severity: 'error' },
  { rule: schema, id: 'schema', severity: 'error' },
  { rule: duplicateSlug, id: 'duplicate-slug', severity: 'error' },
  { rule: seriesPart, id: 'series-part', severity: 'error' },
  { rule: bodyPhotos, id: 'body-photo', severity: 'error' },
  { rule: photoFile, id: 'photo-file', severity: 'error' },
  { rule: articleLinks, id: 'article-link', severity: 'error' },
  { rule: embedHosts, id: 'embed', severity: 'error' },
  { rule: htmlComment, id: 'html-comment', severity: 'error' },
  { rule: photoCredit, id: 'photo-credit', severity: 'warning' },
  { rule: headlineLength, id: 'headline-length', severity: 'warning' },
  { rule: malformedNumber, id: 'malformed-number', severity: 'warning' },
  { rule: unbalancedPunctuation, id: 'unbalanced-punctuation', severity: 'warning' },
  { rule: repeatedWord, id: 'repeated-word', severity: 'warning' },
] as const;

/** Rule ids whose messages are errors, including the checks made while reading the files. */
export const errorRules: ReadonlySet<string> = new Set([
  ...contentRules.filter((each) => each.severity === 'error').map((each) => each.id),
  'unreadable-file',
  'section-tree',
]);
