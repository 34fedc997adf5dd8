import { describe, expect, test } from 'vitest';
import { countWords, readingMinutes, textOf } from '../../src/lib/reading-time.ts';
import { random } from '../support/synthetic-text.ts';

const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');
const han = (count: number) => '电动汽车市场竞争'.repeat(Math.ceil(count / 8)).slice(0, count);

describe('readingMinutes', () => {
  test.each([
    { what: '230 English words', text: words(230), minutes: 1 },
    { what: '1150 English words', text: words(1150), minutes: 5 },
    { what: '2300 English words', text: words(2300), minutes: 10 },
    { what: '2000 Han characters', text: han(2000), minutes: 5 },
    { what: '4000 Han characters', text: han(4000), minutes: 10 },
    { what: '460 words and 1200 Han characters', text: `${words(460)} ${han(1200)}`, minutes: 5 },
    { what: 'Japanese kana and kanji', text: 'ひらがなとカタカナと漢字'.repeat(100), minutes: 3 },
  ])('$what take $minutes min', ({ text, minutes }) => {
    expect(readingMinutes(text)).toBe(minutes);
  });

  test('Chinese without spaces is not read as a single word', () => {
    expect(readingMinutes(han(2000))).toBeGreaterThan(readingMinutes(words(1)));
  });

  test.each([
    { what: 'empty text', text: '' },
    { what: 'one word', text: 'Hello' },
    { what: 'punctuation only', text: '— … !' },
    { what: 'ten Han characters', text: han(10) },
  ])('$what takes at least 1 min', ({ text }) => {
    expect(readingMinutes(text)).toBe(1);
  });

  test('contractions and hyphenated words count once', () => {
    const text = Array.from({ length: 230 }, () => "it's well-known").join(' ');
    expect(readingMinutes(text)).toBe(2);
  });
});

describe('countWords', () => {
  // The words readingMinutes counted by matching, before it counted them by a loop.
  const matched = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

  test.each([
    "it's well-known",
    "a--b a-'b -a- 'a' a'' a-b-c ’’x’y",
    'Ærø 1,5 x²y café naïve Δx e\u0301 Ж-Ж',
  ])('counts the words matching finds in %j', (text) => {
    expect(countWords(text)).toBe(matched(text));
  });

  test('counts the words matching finds in 3,000 generated texts of letters, digits, marks and joiners', () => {
    const units = "aZ09 '’-–.,\n\té\u0301²ЖΔ\u00a0\u2028ﬁ!&_".split('');
    const next = random(5);
    let words = 0;
    for (let round = 0; round < 3000; round++) {
      const text = Array.from(
        { length: 1 + Math.floor(next() * 30) },
        () => units[Math.floor(next() * units.length)]!,
      ).join('');
      expect(countWords(text), text).toBe(matched(text));
      words += matched(text);
    }
    expect(words).toBeGreaterThan(3000);
  });
});

describe('textOf', () => {
  test('tags are dropped and their text kept', () => {
    const text = textOf('<p>Lei <em>Jun</em> <a href="/x">said</a></p><p>more</p>');
    expect(text).not.toMatch(/[<>]/);
    expect(text.split(/\s+/).filter(Boolean)).toEqual(['Lei', 'Jun', 'said', 'more']);
  });

  test('paragraphs stay separate words', () => {
    expect(textOf('<p>end</p><p>start</p>').split(/\s+/).filter(Boolean)).toEqual(['end', 'start']);
  });

  test.each(['&amp;', '&nbsp;', '&#8217;', '&#x2019;', '&mdash;'])('the entity %s is removed', (entity) => {
    expect(textOf(`<p>a ${entity} b</p>`)).not.toContain(entity);
  });

  test('attribute values are not counted as text', () => {
    expect(textOf('<img alt="a long description of the photo" src="/x.jpg">').trim()).toBe('');
  });
});

test('every Han, kana and Hangul character is counted as one, wherever it sits in Unicode', () => {
  // Four hundred of one character, spaced, read in one minute; counted as words they would take two.
  // The characters sampled are the first and last of each run of these scripts and every 97th.
  const script = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  const isScript = (code: number) => script.test(String.fromCodePoint(code));
  const sampled: number[] = [];
  for (let code = 0; code < 0x110000; code++) {
    if (!isScript(code)) continue;
    if (!isScript(code - 1) || !isScript(code + 1) || code % 97 === 0) sampled.push(code);
  }
  expect(sampled.length).toBeGreaterThan(1000);
  const miscounted = sampled.filter(
    (code) => readingMinutes(`${String.fromCodePoint(code)} `.repeat(400)) !== 1,
  );
  expect(miscounted.map((code) => code.toString(16))).toEqual([]);
});
