import { describe, expect, test } from 'vitest';
import { malformedNumbers, repeatedWords, unbalanced } from '../../src/lib/lint/prose';

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
    expect(malformedNumbers(text)).toEqual(found);
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
