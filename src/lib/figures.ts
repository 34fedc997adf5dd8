import type { Image, Paragraph, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * Photos in an article body. An image alone in its paragraph is a figure:
 *
 *     ![What the photo shows](./photo.jpg "Caption text. Credit: Agency")
 *
 * The alt text is between the brackets; the quoted title holds the caption and, after "Credit:",
 * the credit. The loader reads the figures into the article's data (so `astro:assets` optimizes them
 * and the schema checks them) and the remark plugin leaves a numbered placeholder where each stood.
 */

/** A figure as written in the Markdown, before its image is resolved. */
export interface FigureSource {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
}

/**
 * The credit an editor writes for a photo whose original carries none ("Credit: none", or
 * `credit: none` under `hero:`): recorded, so the linter does not ask for one, and never printed.
 */
export const noCredit = 'none';

/** Whether `credit` is the record that the photo has no credit (any case, any spaces around). */
export function isNoCredit(credit: string | undefined): boolean {
  return credit?.trim().toLowerCase() === noCredit;
}

/** Splits an image title into caption and credit ("Caption. Credit: Agency"). */
export function parseFigureTitle(title: string | null | undefined): Pick<FigureSource, 'caption' | 'credit'> {
  const value = (title ?? '').trim();
  const match = /^(.*?)\s*\bcredit:\s*(.*)$/is.exec(value);
  const caption = (match ? match[1] : value)?.trim();
  const credit = match?.[2]?.trim();
  return { ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
}

/** Each paragraph holding nothing but one image, with that image, in document order. */
export function standaloneImages(tree: Root): { paragraph: Paragraph; image: Image }[] {
  const found: { paragraph: Paragraph; image: Image }[] = [];
  // A plain loop, not unist-util-visit, which makes a closure and a copy of the ancestors per node.
  const walk = (children: RootContent[]) => {
    for (const node of children) {
      if (node.type === 'paragraph') {
        const held = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
        const only = held[0];
        if (held.length === 1 && only?.type === 'image') found.push({ paragraph: node, image: only });
      } else if ('children' in node) walk(node.children);
    }
  };
  walk(tree.children);
  return found;
}

/** The figures of a Markdown body, in order. */
export function figuresFromMarkdown(markdown: string): FigureSource[] {
  // Every Markdown image starts with "![": most articles have none and need no parse.
  if (!markdown.includes('![')) return [];
  return standaloneImages(fromMarkdown(markdown)).map(({ image }) => ({
    src: image.url,
    alt: image.alt ?? '',
    ...parseFigureTitle(image.title),
  }));
}
