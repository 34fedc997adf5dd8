import type { VFile } from 'vfile';
import type { ArticleRef, ContentIndex } from './content-index.ts';

/** What every content rule says about itself: its id, and where editors read about it. */
export const origin = (rule: string) => ({
  origin: `broadsheet:${rule}`,
  url: 'content/README.md#lint-messages',
});

/** The article a rule is checking, as the content index knows it. */
export function articleOf(file: VFile, index: ContentIndex): ArticleRef | undefined {
  return index.byPath.get(file.path);
}
