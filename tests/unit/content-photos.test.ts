import { describe, expect, test } from 'vitest';
import { contentPhotoFile } from '../../src/lib/content-photos.ts';

/**
 * An article's photo reaches the pages through an import Astro writes into content-assets.mjs, one
 * per article, which the build resolves itself when the photo's path is relative to the article
 * (src/integrations/content-photos.ts).
 */
describe('the file a content photo’s import names', () => {
  const root = '/site';
  const id = (path: string, importer: string) =>
    `${path}?astroContentImageFlag=&importer=${encodeURIComponent(importer)}`;

  test('is the photo’s path from the article’s folder', () => {
    expect(contentPhotoFile(id('./lead.jpg', 'content/articles/a.md'), root)).toBe(
      '/site/content/articles/lead.jpg',
    );
    expect(contentPhotoFile(id('../photos/lead.jpg', 'content/articles/2026/a.md'), root)).toBe(
      '/site/content/articles/photos/lead.jpg',
    );
    // An article outside the project (BROADSHEET_CONTENT elsewhere).
    expect(contentPhotoFile(id('./lead.jpg', '../news/articles/a.md'), root)).toBe('/news/articles/lead.jpg');
    expect(contentPhotoFile(id('./lead.jpg', '/srv/news/articles/a.md'), root)).toBe(
      '/srv/news/articles/lead.jpg',
    );
    expect(contentPhotoFile(id('./photo of the day.jpg', 'content/articles/a b.md'), root)).toBe(
      '/site/content/articles/photo of the day.jpg',
    );
  });

  test('is left to Astro for any other import: not a content photo, no article, a path not relative to it, or one a URL would read otherwise', () => {
    expect(contentPhotoFile('./lead.jpg', root)).toBeUndefined();
    expect(contentPhotoFile('./lead.jpg?astroContentImageFlag=', root)).toBeUndefined();
    expect(contentPhotoFile('./lead.jpg?importer=content%2Fa.md', root)).toBeUndefined();
    expect(contentPhotoFile(id('~/assets/lead.jpg', 'content/articles/a.md'), root)).toBeUndefined();
    expect(contentPhotoFile(id('/src/assets/lead.jpg', 'content/articles/a.md'), root)).toBeUndefined();
    expect(contentPhotoFile(id('./lead%20photo.jpg', 'content/articles/a.md'), root)).toBeUndefined();
    expect(contentPhotoFile(id('./lead#1.jpg', 'content/articles/a.md'), root)).toBeUndefined();
    expect(contentPhotoFile(id('./lead.jpg', 'content/articles/a#1.md'), root)).toBeUndefined();
  });
});
