import { describe, expect, test } from 'vitest';
import { smarten } from '../../src/lib/typography.ts';

describe('smarten', () => {
  test.each([
    { what: 'double quotes curl', text: 'He said "yes" today', out: 'He said “yes” today' },
    { what: 'single quotes curl', text: "The 'green' car", out: 'The ‘green’ car' },
    { what: 'an apostrophe curls', text: "Xiaomi's car isn't cheap", out: 'Xiaomi’s car isn’t cheap' },
    { what: 'a leading apostrophe in a decade curls', text: "the '90s", out: 'the ’90s' },
    { what: 'quotes around a headline curl', text: '"Decorum" wins', out: '“Decorum” wins' },
    { what: 'three dots become an ellipsis', text: 'And then...', out: 'And then…' },
    { what: 'text without punctuation is unchanged', text: 'Plain text 123', out: 'Plain text 123' },
    { what: 'Chinese text is unchanged', text: '小米汽车', out: '小米汽车' },
  ])('$what', ({ text, out }) => {
    expect(smarten(text)).toBe(out);
  });

  test('two hyphens become an en dash', () => {
    expect(smarten('pages 10--12')).toBe('pages 10–12');
  });

  test('three hyphens become an em dash', () => {
    expect(smarten('cars---and phones')).toBe('cars—and phones');
  });

  test('a single hyphen stays a hyphen', () => {
    expect(smarten('well-known')).toBe('well-known');
  });
});
