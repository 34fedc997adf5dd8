import type { Root } from 'mdast';
import type { Point, Position } from 'unist';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lintRule } from 'unified-lint-rule';
import { embedHost } from '../../markdown/embeds.ts';
import { site } from '../../site.config.ts';
import { noCredit, parseFigureTitle } from '../figures.ts';
import { bodyOf } from './body.ts';
import type { ContentIndex } from './content-index.ts';
import { imageProblem } from './images.ts';
import { missingPhoto } from './missing-photo.ts';
import { articleOf, origin } from './rule.ts';

/**
 * The content rules on what an article shows: its photos, links, embeds and prose. The rules on its
 * frontmatter, and the list of all rules, are in rules.ts; those on text wherever it is written are in
 * text-rules.ts. Each reads the body through its facts (body.ts): the tree it is given is empty.
 */

/** Photos in the body need alt text, an existing file, and (as a warning) a credit. */
export const bodyPhotos = lintRule<Root, ContentIndex>(origin('body-photo'), (_, file) => {
  for (const photo of bodyOf(file).photos) {
    if (!photo.alt.trim()) {
      file.message(
        'this photo has no alt text: describe what it shows between the brackets, ![like this](./photo.jpg)',
        photo.position,
      );
    }
    const missing = missingPhoto(photo.url, resolve(file.cwd, file.path));
    if (missing) file.message(missing, photo.position);
  }
});

/**
 * Photos should say who took them. A credit of "none" is the editor's record that the original has
 * none (src/lib/figures.ts): nothing to ask for, and nothing printed.
 */
export const photoCredit = lintRule<Root, ContentIndex>(origin('photo-credit'), (_, file, index) => {
  for (const photo of bodyOf(file).photos) {
    if (!parseFigureTitle(photo.title).credit) {
      file.message(
        `this photo has no credit: end its title with "Credit: Photographer or agency", or with "Credit: ${noCredit}" if the original has no credit`,
        photo.position,
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
export const photoFile = lintRule<Root, ContentIndex>(origin('photo-file'), async (_, file, index) => {
  const article = articleOf(file, index);
  const hero = article?.frontmatter.data['hero'] as { src?: unknown } | undefined;
  const photos: { src: string; place: Point | Position | undefined }[] = bodyOf(file).photos.map((photo) => ({
    src: photo.url,
    place: photo.position,
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

/** Links to other articles must point at a published article. */
export const articleLinks = lintRule<Root, ContentIndex>(origin('article-link'), (_, file, index) => {
  for (const link of bodyOf(file).articleLinks) {
    const { id } = link;
    // For the lint cache (cache.ts): this file's messages depend on that article.
    (file.data.linkedSlugs ??= []).push(id);
    const target = index.byId.get(id)?.[0];
    if (!target) {
      file.message(
        `the link to ${link.url} goes nowhere: no article has the slug "${id}"; correct the link or remove it`,
        link.position,
      );
    } else if (!target.published) {
      file.message(
        `the link to ${link.url} points at ${target.draft ? 'a draft' : 'an embargoed article'}, which readers cannot open yet; remove the link until that article is published`,
        link.position,
      );
    }
  }
});

/** Embeds only from the hosts in the site config, each with a title for screen readers. */
export const embedHosts = lintRule<Root, ContentIndex>(origin('embed'), (_, file) => {
  for (const node of bodyOf(file).html) {
    for (const [tag] of node.value.matchAll(/<iframe\b[^>]*>/gi)) {
      const src = /\bsrc\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? '';
      const host = embedHost(src);
      if (!host || !site.embedHosts.includes(host)) {
        file.message(
          `the embed from ${host ?? (src || 'an unknown address')} is not allowed: embeds may come only from ${site.embedHosts.join(', ')} (embedHosts in src/site.config.ts)`,
          node.position,
        );
      } else if (!/\btitle\s*=\s*["'][^"']+["']/i.test(tag)) {
        file.message('this embed has no title: add title="what it shows" for screen readers', node.position);
      }
    }
  }
});

/**
 * An HTML comment left open hides everything after it in its block (to the end of the article when
 * the block starts with the comment), and the sanitizer then drops it without a word.
 */
export const htmlComment = lintRule<Root, ContentIndex>(origin('html-comment'), (_, file) => {
  for (const node of bodyOf(file).html) {
    const opened = node.value.lastIndexOf('<!--');
    if (opened !== -1 && !node.value.includes('-->', opened + 4)) {
      file.message(
        'this HTML comment is never closed: the text after it would not be published; close it with --> or remove it',
        node.position,
      );
    }
  }
});

/** Paragraphs whose quotes or brackets do not pair up (prose.ts). */
export const unbalancedPunctuation = lintRule<Root, ContentIndex>(
  origin('unbalanced-punctuation'),
  (_, file) => {
    for (const paragraph of bodyOf(file).unbalanced) {
      for (const problem of paragraph.problems)
        file.message(`this paragraph has ${problem}`, paragraph.position);
    }
  },
);

/** The same word twice in a row (prose.ts). */
export const repeatedWord = lintRule<Root, ContentIndex>(origin('repeated-word'), (_, file) => {
  for (const text of bodyOf(file).repeated)
    file.message(`"${text.words}": a word is repeated`, text.position);
});
