import { expect, test } from 'vitest';
import { counted } from '../../src/lib/plural.ts';

test.each([
  { n: 0, noun: 'article', text: '0 articles' },
  { n: 1, noun: 'article', text: '1 article' },
  { n: 2, noun: 'article', text: '2 articles' },
  { n: 1, noun: 'error', text: '1 error' },
  { n: 10_000, noun: 'page', text: '10,000 pages' },
])('$n $noun reads "$text"', ({ n, noun, text }) => {
  expect(counted(n, noun)).toBe(text);
});

test('an irregular plural is given', () => {
  expect(counted(1, 'entry', 'entries')).toBe('1 entry');
  expect(counted(3, 'entry', 'entries')).toBe('3 entries');
});
