import { describe, expect, test } from 'vitest';
import { articleFormats, formatLabel, formatSchemaType, formatTone } from '../../src/lib/article-format';
import type { ArticleFormat, FormatTone, NewsArticleType } from '../../src/lib/article-format';

// One row per format: a Record, so a format added without its row does not compile.
const expected: Record<
  ArticleFormat,
  { label: string | undefined; tone: FormatTone; type: NewsArticleType }
> = {
  news: { label: undefined, tone: 'news', type: 'NewsArticle' },
  analysis: { label: 'Analysis', tone: 'analysis', type: 'AnalysisNewsArticle' },
  explainer: { label: 'Explainer', tone: 'analysis', type: 'BackgroundNewsArticle' },
  opinion: { label: 'Opinion', tone: 'comment', type: 'OpinionNewsArticle' },
  editorial: { label: 'Editorial', tone: 'comment', type: 'OpinionNewsArticle' },
  feature: { label: 'Feature', tone: 'feature', type: 'ReportageNewsArticle' },
  interview: { label: 'Interview', tone: 'feature', type: 'NewsArticle' },
  review: { label: 'Review', tone: 'feature', type: 'ReviewNewsArticle' },
  obituary: { label: 'Obituary', tone: 'feature', type: 'NewsArticle' },
};

describe('articleFormats', () => {
  test('starts with news, the default an article without `format` gets', () => {
    expect(articleFormats[0]).toBe('news');
  });

  test('has exactly the formats of the table, each once', () => {
    expect([...articleFormats].sort()).toEqual(Object.keys(expected).sort());
  });
});

describe.each(articleFormats.map((format) => ({ format, ...expected[format] })))(
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
