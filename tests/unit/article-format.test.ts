import { describe, expect, test } from 'vitest';
import { articleFormats, formatLabel, formatSchemaType, formatTone } from '../../src/lib/article-format.ts';
import type { ArticleFormat, FormatTone, NewsArticleType } from '../../src/lib/article-format.ts';

// format, label, tone, schema.org type: one row per format.
const table: [ArticleFormat, string | undefined, FormatTone, NewsArticleType][] = [
  ['news', undefined, 'news', 'NewsArticle'],
  ['analysis', 'Analysis', 'analysis', 'AnalysisNewsArticle'],
  ['explainer', 'Explainer', 'analysis', 'BackgroundNewsArticle'],
  ['opinion', 'Opinion', 'comment', 'OpinionNewsArticle'],
  ['editorial', 'Editorial', 'comment', 'OpinionNewsArticle'],
  ['feature', 'Feature', 'feature', 'ReportageNewsArticle'],
  ['interview', 'Interview', 'feature', 'NewsArticle'],
  ['review', 'Review', 'feature', 'ReviewNewsArticle'],
  ['obituary', 'Obituary', 'feature', 'NewsArticle'],
];

describe('articleFormats', () => {
  test('starts with news, the default an article without `format` gets', () => {
    expect(articleFormats[0]).toBe('news');
  });

  test('has exactly the formats of the table, each once', () => {
    expect([...articleFormats].sort()).toEqual(table.map(([format]) => format).sort());
  });
});

describe.each(table.map(([format, label, tone, type]) => ({ format, label, tone, type })))(
  'the $format format',
  ({ format, label, tone, type }) => {
    test(`is labelled ${label === undefined ? 'with its section only' : `"${label}"`}`, () => {
      expect(formatLabel(format)).toBe(label);
    });

    test(`is styled as ${tone}`, () => {
      expect(formatTone(format)).toBe(tone);
    });

    test(`is a schema.org ${type}`, () => {
      expect(formatSchemaType(format)).toBe(type);
    });
  },
);
