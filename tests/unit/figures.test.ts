import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, test } from 'vitest';
import { figuresFromMarkdown, parseFigureTitle, standaloneImages } from '../../src/lib/figures.ts';

describe('parseFigureTitle', () => {
  test.each([
    { title: 'Lei Jun on a livestream.', result: { caption: 'Lei Jun on a livestream.' } },
    { title: 'Credit: Reuters', result: { credit: 'Reuters' } },
    {
      title: 'Lei Jun on a livestream. Credit: Xiaomi',
      result: { caption: 'Lei Jun on a livestream.', credit: 'Xiaomi' },
    },
    { title: 'The SU7 launch. credit: AP', result: { caption: 'The SU7 launch.', credit: 'AP' } },
    { title: 'The SU7 launch. CREDIT: AP', result: { caption: 'The SU7 launch.', credit: 'AP' } },
    {
      title: '  Spaced caption.   Credit:   Jane Doe  ',
      result: { caption: 'Spaced caption.', credit: 'Jane Doe' },
    },
    { title: 'Credit card debt rises.', result: { caption: 'Credit card debt rises.' } },
    { title: 'Discredit: a word.', result: { caption: 'Discredit: a word.' } },
    { title: '', result: {} },
    { title: '   ', result: {} },
    { title: 'Credit:', result: {} },
    { title: null, result: {} },
    { title: undefined, result: {} },
  ])('"$title" gives $result', ({ title, result }) => {
    expect(parseFigureTitle(title)).toEqual(result);
  });
});

describe('standaloneImages', () => {
  test('an image alone in its paragraph is found, an image inside text is not', () => {
    const tree = fromMarkdown(
      '![alone](./a.jpg)\n\nText with ![inline](./b.jpg) in it.\n\n![also alone](./c.jpg)\n',
    );
    expect(standaloneImages(tree).map(({ image }) => image.url)).toEqual(['./a.jpg', './c.jpg']);
  });

  test('the paragraph returned is the one holding the image', () => {
    const tree = fromMarkdown('Intro.\n\n![alone](./a.jpg)\n');
    const [found] = standaloneImages(tree);
    expect(found?.paragraph.children).toContain(found?.image);
  });

  test('two images in one paragraph are not figures', () => {
    expect(standaloneImages(fromMarkdown('![a](./a.jpg) ![b](./b.jpg)\n'))).toEqual([]);
  });

  test('a linked image is not a figure', () => {
    expect(standaloneImages(fromMarkdown('[![a](./a.jpg)](https://example.com)\n'))).toEqual([]);
  });
});

describe('figuresFromMarkdown', () => {
  test('reads alt, src, caption and credit of each figure in document order', () => {
    const markdown = [
      'First paragraph.',
      '',
      '![Lei Jun livestreaming](./livestream.jpg "Lei Jun on a livestream. Credit: Xiaomi")',
      '',
      'A paragraph with ![an icon](./icon.png) inline, which is not a figure.',
      '',
      '![The SU7 on stage](./launch.jpg "Credit: AP")',
      '',
      '![A crowd](./crowd.jpg)',
      '',
    ].join('\n');
    expect(figuresFromMarkdown(markdown)).toEqual([
      {
        src: './livestream.jpg',
        alt: 'Lei Jun livestreaming',
        caption: 'Lei Jun on a livestream.',
        credit: 'Xiaomi',
      },
      { src: './launch.jpg', alt: 'The SU7 on stage', credit: 'AP' },
      { src: './crowd.jpg', alt: 'A crowd' },
    ]);
  });

  test('a figure without alt text has an empty alt, for the schema to refuse', () => {
    expect(figuresFromMarkdown('![](./a.jpg)\n')).toEqual([{ src: './a.jpg', alt: '' }]);
  });

  test('a body without images has no figures', () => {
    expect(figuresFromMarkdown('Just text.\n\n## A heading\n')).toEqual([]);
  });
});
