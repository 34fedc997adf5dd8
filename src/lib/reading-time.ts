/**
 * Reading time that is fair to Chinese, Japanese and Korean text, where words are not separated by
 * spaces: CJK characters are counted one by one at a slower rate than Latin words.
 */
const wordsPerMinute = 230;
const cjkCharactersPerMinute = 400;
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Whole minutes to read `text` (plain text, no markup), at least 1. */
export function readingMinutes(text: string): number {
  const cjkCount = text.match(cjk)?.length ?? 0;
  const words =
    (cjkCount > 0 ? text.replace(cjk, ' ') : text).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ??
    0;
  return Math.max(1, Math.round(words / wordsPerMinute + cjkCount / cjkCharactersPerMinute));
}

/** Plain text of rendered HTML, for counting. */
export function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
}
