import { describe, expect, test } from 'vitest';
import {
  acknowledged,
  malformedNumbers,
  placeholders,
  repeatedWords,
  unbalanced,
} from '../../src/lib/lint/prose.ts';

describe('malformedNumbers', () => {
  test.each([
    { text: 'The price was 814,900 yuan.', found: [] },
    { text: 'It sold 1,000,000 cars and 12 trucks.', found: [] },
    { text: 'On March 3, 2025 it rose.', found: [] },
    { text: 'The price was 814,9f00 yuan.', found: ['814,9f00'] },
    { text: 'Sales of 1,00,000 units.', found: ['1,00,000'] },
    { text: 'A rate of 3,5 per cent.', found: ['3,5'] },
    { text: 'A total of 1234,567 units.', found: ['1234,567'] },
    { text: 'Two errors: 1,2345 and 12,34.', found: ['1,2345', '12,34'] },
    { text: 'No digits at all, just words.', found: [] },
  ])('$text → $found', ({ text, found }) => {
    expect(malformedNumbers(text).map((each) => each.text)).toEqual(found);
  });

  test('each number comes with where it starts in the text', () => {
    expect(malformedNumbers('Up 3,5 and 1,00,000.')).toEqual([
      { text: '3,5', index: 3 },
      { text: '1,00,000', index: 11 },
    ]);
  });
});

describe('placeholders', () => {
  test.each([
    { text: 'TODO: one or two sentences under the headline', found: ['TODO'] },
    { text: 'The TODO list of the council.', found: ['TODO'] },
    { text: 'A todo list and a toddler.', found: [] },
    { text: 'Sales rose TK per cent.', found: ['TK'] },
    { text: 'Sales rose TKTK per cent, quote TK.', found: ['TKTK', 'TK'] },
    { text: 'Talks in Tokyo, TKO in round three.', found: [] },
    { text: 'The mayor, XXX, said.', found: ['XXX'] },
    { text: 'Interview with XXXX tomorrow.', found: ['XXXX'] },
    { text: 'Size XXL and XX chromosomes.', found: [] },
    { text: 'Lorem ipsum dolor sit amet.', found: ['Lorem ipsum'] },
    { text: 'lorem\nipsum dolor', found: ['lorem\nipsum'] },
    { text: 'A real sentence with no gaps left.', found: [] },
    { text: 'Inside other words: ÉTK, TKÉ, XXXé.', found: [] },
  ])('$text → $found', ({ text, found }) => {
    expect(placeholders(text).map((each) => each.text)).toEqual(found);
  });
});

describe('acknowledged', () => {
  const text = 'Orders of 814,9f00 yuan at TK Elevator, and TK more.';
  const at = (token: string, from = 0) => ({ text: token, index: text.indexOf(token, from) });

  test.each([
    { what: 'the exact text', allow: ['814,9f00'], found: at('814,9f00'), result: true },
    { what: 'a longer text around it', allow: ['TK Elevator'], found: at('TK'), result: true },
    {
      what: 'a longer text elsewhere, not around this one',
      allow: ['TK Elevator'],
      found: at('TK', text.indexOf('and')),
      result: false,
    },
    { what: 'part of the token only', allow: ['814'], found: at('814,9f00'), result: false },
    { what: 'another text', allow: ['1,00,000'], found: at('814,9f00'), result: false },
    { what: 'nothing', allow: [], found: at('TK'), result: false },
    { what: 'a different case', allow: ['tk elevator'], found: at('TK'), result: false },
  ])('an allow entry of $what: $result', ({ allow, found, result }) => {
    expect(acknowledged(text, found, allow)).toBe(result);
  });
});

describe('unbalanced', () => {
  test.each([
    { text: 'He said "yes" and (then) left [sic].', found: [] },
    { text: 'He said “yes” and left.', found: [] },
    { text: 'He said "yes and left.', found: ['an odd number of " quotes'] },
    { text: 'He said “yes and left.', found: ['unpaired “ ” quotes'] },
    { text: 'He left (for good.', found: ['unpaired ( ) brackets'] },
    { text: 'He left for good].', found: ['unpaired [ ] brackets'] },
    { text: 'It’s the editors’ choice.', found: [] },
    {
      text: '"(“[',
      found: [
        'an odd number of " quotes',
        'unpaired “ ” quotes',
        'unpaired ( ) brackets',
        'unpaired [ ] brackets',
      ],
    },
  ])('$text → $found', ({ text, found }) => {
    expect(unbalanced(text)).toEqual(found);
  });
});

describe('repeatedWords', () => {
  test.each([
    { text: 'the the car', found: ['the the'] },
    { text: 'The the car', found: ['The the'] },
    { text: 'in the\nthe car', found: ['the\nthe'] },
    { text: 'the theory', found: [] },
    { text: 'bathe the dog', found: [] },
    { text: 'un café café noir', found: ['café café'] },
    { text: 'über über alles', found: ['über über'] },
    { text: 'cafe café', found: [] },
    { text: 'cafe\u0301 cafe\u0301', found: ['cafe\u0301 cafe\u0301'] },
    { text: '1 1 car', found: [] },
    { text: 'Lei Jun, Jun Lei', found: [] },
  ])('$text → $found', ({ text, found }) => {
    expect(repeatedWords(text)).toEqual(found);
  });
});
