import type { Root } from 'mdast';
import type { Point, Position } from 'unist';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lintRule } from 'unified-lint-rule';
import { embedHost } from '../../markdown/embeds.ts';
import { site } from '../../site.config.ts';
import { noCredit, parseFigureTitle, standaloneImages } from '../figures.ts';
import type { ContentIndex } from './content-index.ts';
import { imageProblem } from './images.ts';
import { missingPhoto } from './missing-photo.ts';
import { repeatedWords, unbalanced } from './prose.ts';
import { articleOf, origin } from './rule.ts';
import { nodesOfType, oncePerTree, textsUnder } from './tree-nodes.ts';

/**
 * The content rules on what an article shows: its photos, links, embeds and prose. The rules on its
 * frontmatter, and the list of all rules, are in rules.ts; those on text wherever it is written are in
 * text-rules.ts.
 */

/** The body's photos, found once for the three rules on them. */
const photosOf = oncePerTree(standaloneImages);

/** Photos in the body need alt text, an existing file, and (as a warning) a credit. */
export const bodyPhotos = lintRule<Root, ContentIndex>(origin('body-photo'), (tree, file) => {
  for (const { image } of photosOf(tree)) {
    if (!image.alt?.trim()) {
      file.message(
        'this photo has no alt text: describe what it shows between the brackets, ![like this](./photo.jpg)',
        image,
      );
    }
    const missing = missingPhoto(image.url, resolve(file.cwd, file.path));
    if (missing) file.message(missing, image);
  }
});

/**
 * Photos should say who took them. A credit of "none" is the editor's record that the original has
 * none (src/lib/figures.ts): nothing to ask for, and nothing printed.
 */
export const photoCredit = lintRule<Root, ContentIndex>(origin('photo-credit'), (tree, file, index) => {
  for (const { image } of photosOf(tree)) {
    if (!parseFigureTitle(image.title).credit) {
      file.message(
        `this photo has no credit: end its title with "Credit: Photographer or agency", or with "Credit: ${noCredit}" if the original has no credit`,
        image,
      );
    }
  }
  const article = articleOf(file, index);
  const hero = article?.frontmatter.data['hero'] as { credit?: unknown } | undefined;
  if (article && hero && !hero.credit) {
    file.message(
      `the lead photo has no credit: add \`credit:\` under \`hero:\`, or \`credit: ${noCredit}\` if the original has no credit`,
      { place: article.frontmatter.position(['hero']) },
    );
  }
});

/** Photos that exist must also decode: a truncated or corrupt file would publish a broken image. */
export const photoFile = lintRule<Root, ContentIndex>(origin('photo-file'), async (tree, file, index) => {
  const article = articleOf(file, index);
  const hero = article?.frontmatter.data['hero'] as { src?: unknown } | undefined;
  const photos: { src: string; place: Point | Position | undefined }[] = photosOf(tree).map(({ image }) => ({
    src: image.url,
    place: image.position,
  }));
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
  for (const link of nodesOfType(tree, 'link')) {
    const id = articlePath.exec(link.url)?.[1];
    if (!id) continue;
    // For the lint cache (cache.ts): this file's messages depend on that article.
    (file.data.linkedSlugs ??= []).push(id);
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
  }
});

/** Embeds only from the hosts in the site config, each with a title for screen readers. */
export const embedHosts = lintRule<Root, ContentIndex>(origin('embed'), (tree, file) => {
  for (const node of nodesOfType(tree, 'html')) {
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
  }
});

/**
 * An HTML comment left open hides everything after it in its block (to the end of the article when
 * the block starts with the comment), and the sanitizer then drops it without a word.
 */
export const htmlComment = lintRule<Root, ContentIndex>(origin('html-comment'), (tree, file) => {
  for (const node of nodesOfType(tree, 'html')) {
    const opened = node.value.lastIndexOf('<!--');
    if (opened !== -1 && !node.value.includes('-->', opened + 4)) {
      file.message(
        'this HTML comment is never closed: the text after it would not be published; close it with --> or remove it',
        node,
      );
    }
  }
});

/** Paragraphs whose quotes or brackets do not pair up (prose.ts). */
export const unbalancedPunctuation = lintRule<Root, ContentIndex>(
  origin('unbalanced-punctuation'),
  (tree, file) => {
    for (const paragraph of nodesOfType(tree, 'paragraph')) {
      for (const problem of unbalanced(textsUnder(paragraph)))
        file.message(`this paragraph has ${problem}`, paragraph);
    }
  },
);

/** The same word twice in a row (prose.ts). */
export const repeatedWord = lintRule<Root, ContentIndex>(origin('repeated-word'), (tree, file) => {
  for (const node of nodesOfType(tree, 'text')) {
    for (const words of repeatedWords(node.value)) file.message(`"${words}": a word is repeated`, node);
  }
});
