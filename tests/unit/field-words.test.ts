import { describe, expect, test } from 'vitest';
import { fieldWords } from '../../src/lib/field-words.ts';

describe('fieldWords', () => {
  test.each([
    { path: [], words: 'the frontmatter' },
    { path: ['title'], words: 'the headline' },
    { path: ['publishedAt'], words: 'the publication date (publishedAt)' },
    { path: ['editorsNote'], words: 'the editor’s note' },
    { path: ['authors'], words: 'the authors' },
    { path: ['authors', 0], words: 'the first author' },
    { path: ['tags', 1], words: 'the second tag' },
    { path: ['tags', 11], words: 'the 12th tag' },
    { path: ['tags', 20], words: 'the 21st tag' },
    { path: ['hero', 'alt'], words: 'the hero photo’s alt text' },
    { path: ['hero', 'src'], words: 'the hero photo’s file' },
    { path: ['hero', 'focus'], words: 'the hero photo’s focus' },
    { path: ['series', 'id'], words: 'the series id' },
    { path: ['series', 'part'], words: 'the series part number' },
    { path: ['corrections', 2, 'date'], words: 'the third correction’s date' },
    { path: ['bodyFigures', 0, 'alt'], words: 'the first photo in the text’s alt text' },
    { path: ['links', 1, 'url'], words: 'the second link’s address' },
    { path: ['photo', 'alt'], words: 'the portrait’s alt text' },
    { path: ['allow'], words: 'the texts accepted as written (allow)' },
    { path: ['allow', 1], words: 'the second text accepted as written (allow)' },
    { path: ['sponsor'], words: 'the field sponsor' },
    { path: ['sponsor', 0, 'name'], words: 'the field sponsor’s first item’s name' },
  ])('$path reads as "$words"', ({ path, words }) => {
    expect(fieldWords(path)).toBe(words);
  });

  test('a collection may name a field its own way: a page has a title, not a headline', () => {
    expect(fieldWords(['title'], { title: 'title' })).toBe('the title');
  });
});
