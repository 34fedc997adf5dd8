import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';

const processor = retext().use(retextSmartypants);

/**
 * Typographic punctuation for plain text fields (headline, standfirst, notes, captions): curly
 * quotes and apostrophes, dashes, ellipses. The Markdown body gets the same from remark-smartypants.
 */
export function smarten(text: string): string {
  return String(processor.processSync(text));
}
