import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';

/** Shared with the Markdown pipeline so that body and fields agree: -- is an en dash, --- an em dash. */
export const smartypantsOptions = { dashes: 'oldschool' } as const;

const processor = retext().use(retextSmartypants, smartypantsOptions);

/**
 * Typographic punctuation for plain text fields (headline, standfirst, notes, captions): curly
 * quotes and apostrophes, dashes, ellipses. The Markdown body gets the same from remark-smartypants.
 */
export function smarten(text: string): string {
  // Text without quotes, backticks, double dashes or runs of dots has nothing to change: skip the
  // costly parse.
  if (!/["'`]|--|–-|\.\s*\./.test(text)) return text;
  return String(processor.processSync(text));
}
