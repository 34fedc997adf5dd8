import { describe, expect, test } from 'vitest';
import { figurePlaceholder, joinBody, splitBody } from '../../src/lib/body.ts';

const fig = (index: number) => `<broadsheet-figure data-figure="${index}"></broadsheet-figure>`;

describe('figurePlaceholder', () => {
  test('is a broadsheet-figure element carrying its number', () => {
    expect(figurePlaceholder(3)).toEqual({ tagName: 'broadsheet-figure', properties: { dataFigure: '3' } });
  });
});

describe('splitBody', () => {
  test.each([
    { what: 'no figures', html: '<p>a</p>', parts: [{ html: '<p>a</p>' }] },
    { what: 'an empty body', html: '', parts: [] },
    {
      what: 'a figure at the start',
      html: `${fig(0)}<p>a</p>`,
      parts: [{ figure: 0 }, { html: '<p>a</p>' }],
    },
    {
      what: 'a figure in the middle',
      html: `<p>a</p>${fig(0)}<p>b</p>`,
      parts: [{ html: '<p>a</p>' }, { figure: 0 }, { html: '<p>b</p>' }],
    },
    { what: 'a figure at the end', html: `<p>a</p>${fig(0)}`, parts: [{ html: '<p>a</p>' }, { figure: 0 }] },
    {
      what: 'adjacent figures',
      html: `<p>a</p>${fig(0)}${fig(1)}<p>b</p>`,
      parts: [{ html: '<p>a</p>' }, { figure: 0 }, { figure: 1 }, { html: '<p>b</p>' }],
    },
    { what: 'only a figure', html: fig(12), parts: [{ figure: 12 }] },
  ])('$what', ({ html, parts }) => {
    expect(splitBody(html)).toEqual(parts);
  });

  test('figures separated by a newline keep the newline between them', () => {
    expect(splitBody(`${fig(0)}\n${fig(1)}`)).toEqual([{ figure: 0 }, { html: '\n' }, { figure: 1 }]);
  });

  test('text that merely mentions the tag is not a figure', () => {
    const html = '<p>&lt;broadsheet-figure data-figure="0"&gt;</p>';
    expect(splitBody(html)).toEqual([{ html }]);
  });
});

describe('joinBody', () => {
  test('each placeholder is replaced by its figure and the rest is kept as it is', () => {
    const html = `<p>a</p>${fig(0)}<p>b</p>${fig(1)}`;
    expect(joinBody(html, (index) => `<figure>#${index}</figure>`)).toBe(
      '<p>a</p><figure>#0</figure><p>b</p><figure>#1</figure>',
    );
  });

  test('a body without figures comes back unchanged', () => {
    expect(joinBody('<p>a</p>\n<p>b</p>', () => 'never')).toBe('<p>a</p>\n<p>b</p>');
  });
});
