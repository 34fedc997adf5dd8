/**
 * Reading time that is fair to Chinese, Japanese and Korean text, where words are not separated by
 * spaces: CJK characters are counted one by one at a slower rate than Latin words.
 */
const wordsPerMinute = 230;
const cjkCharactersPerMinute = 400;
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/**
 * The blocks those scripts live in (and every astral character): text without any is counted
 * without the Unicode script scan, which at 10,000 articles costs a second of every build.
 */
const maybeCjk =
  /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\ud800-\udfff]/;

/** Whole minutes to read `text` (plain text, no markup), at least 1. */
export function readingMinutes(text: string): number {
  const cjkCount = maybeCjk.test(text) ? (text.match(cjk)?.length ?? 0) : 0;
  const words =
    (cjkCount > 0 ? text.replace(cjk, ' ') : text).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ??
    0;
  return Math.max(1, Math.round(words / wordsPerMinute + cjkCount / cjkCharactersPerMinute));
}

/** Plain text of rendered HTML, for counting. */
export function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
}

/** Whole minutes to read a rendered body. */
export function bodyReadingMinutes(html: string): number {
  return readingMinutes(textOf(html));
}
