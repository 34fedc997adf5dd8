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

/** A word: letters and digits, joined by apostrophes or hyphens ("it's", "well-known"). */
const word = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const letterOrDigit = /[\p{L}\p{N}]/u;
/** For each UTF-16 unit, once met: 1 a letter or digit, 2 not. */
const kinds = new Uint8Array(0x10000);

/**
 * How many words `word` finds in `text`, which holds no surrogate (no astral character), counted
 * without it: a word starts at a letter or digit that follows neither a letter or digit nor a
 * joiner that follows one. Matching `word` builds an array of every word of the body, which took
 * a twentieth of rendering a body.
 */
export function countWords(text: string): number {
  let count = 0;
  let afterLetter = false;
  let afterJoined = false;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    let kind = kinds[unit]!;
    if (kind === 0) kind = kinds[unit] = letterOrDigit.test(text[index]!) ? 1 : 2;
    if (kind === 1) {
      if (!afterLetter && !afterJoined) count++;
      afterLetter = true;
      afterJoined = false;
    } else {
      afterJoined = afterLetter && (unit === 0x27 || unit === 0x2019 || unit === 0x2d);
      afterLetter = false;
    }
  }
  return count;
}

/** Whole minutes to read `text` (plain text, no markup), at least 1. */
export function readingMinutes(text: string): number {
  const maybe = maybeCjk.test(text);
  const cjkCount = maybe ? (text.match(cjk)?.length ?? 0) : 0;
  const words = maybe
    ? ((cjkCount > 0 ? text.replace(cjk, ' ') : text).match(word)?.length ?? 0)
    : countWords(text);
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
