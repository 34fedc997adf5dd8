import type { Root } from 'mdast';
import { standaloneImages } from '../lib/figures.ts';
import { figurePlaceholder } from '../lib/body.ts';

/**
 * Replaces each standalone image with a numbered placeholder element. The page puts the optimized
 * figure (AVIF and WebP, caption, credit) in its place from the article's `bodyFigures`, which the
 * loader read from the same Markdown with the same rule, so the numbers agree.
 */
export function remarkFigures() {
  return (tree: Root) => {
    standaloneImages(tree).forEach(({ paragraph }, index) => {
      const placeholder = figurePlaceholder(index);
      Object.assign(paragraph, {
        children: [],
        data: { hName: placeholder.tagName, hProperties: placeholder.properties },
      });
    });
  };
}
