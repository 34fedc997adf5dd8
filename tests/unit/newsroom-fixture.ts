import type { Article, ArticleData, Author, Section, Series } from '../../src/lib/model.ts';
import { newestFirst } from '../../src/lib/publishing.ts';
import { articleUrl } from '../../src/lib/urls.ts';

/**
 * A small hand-built newsroom for the listing and feed tests: plain objects shaped like the resolved
 * `Article`, `Section`, `Author` and `Series` of src/lib/model.ts.
 */

export const site = {
  name: 'The Broadsheet',
  tagline: 'News, business and analysis',
  url: 'https://broadsheet.example',
  language: 'en',
  timezone: 'Asia/Shanghai',
  feedItems: 50,
  websubHub: 'https://hub.example/',
};

export const sections = new Map<string, Section>(
  [
    { id: 'business', name: 'Business', description: 'Companies and markets.', order: 10 },
    { id: 'business/auto', name: 'Auto', description: 'Carmakers.', order: 10 },
    { id: 'world', name: 'World', description: 'Beyond our borders.', order: 20 },
  ].map((section) => [section.id, section]),
);

export const authors = new Map<string, Author>(
  [
    { id: 'ni-tao', name: 'Ni Tao', role: 'Contributor', bio: 'A business analyst.', links: [] },
    { id: 'li-mei', name: 'Li Mei', role: 'Reporter', bio: 'Covers carmakers.', links: [] },
    { id: 'idle', name: 'Idle Writer', role: 'Columnist', bio: 'Has not filed yet.', links: [] },
  ].map((author) => [author.id, author]),
);

export const seriesById = new Map<string, Series>(
  [
    { id: 'xiaomi', name: 'Xiaomi: from phones to cars', description: 'Two parts.', parts: 2 },
    { id: 'planned', name: 'A planned series', description: 'Nothing yet.', parts: 3 },
  ].map((series) => [series.id, series]),
);

/** What a test says about an article; everything else gets a plain default. */
export interface ArticleSpec {
  id: string;
  section: string;
  authors: string[];
  publishedAt: string;
  tags?: string[];
  series?: { id: string; part: number };
  body?: string;
  data?: Partial<ArticleData>;
}

/** A resolved, published article. */
export function article(spec: ArticleSpec): Article {
  const section = sections.get(spec.section)!;
  const data: ArticleData = {
    title: `Headline of ${spec.id}`,
    standfirst: `Standfirst of ${spec.id}.`,
    section: { id: spec.section, collection: 'sections' },
    authors: spec.authors.map((id) => ({ id, collection: 'authors' })),
    publishedAt: new Date(spec.publishedAt),
    redirectFrom: [],
    format: 'news',
    tags: spec.tags ?? [],
    corrections: [],
    allow: [],
    draft: false,
    featured: false,
    bodyFigures: [],
    ...(spec.series
      ? { series: { id: { id: spec.series.id, collection: 'series' }, part: spec.series.part } }
      : {}),
    ...spec.data,
  };
  const inSeries = spec.series && seriesById.get(spec.series.id);
  return {
    id: spec.id,
    url: articleUrl(spec.id),
    data,
    body: spec.body ?? `body-of-${spec.id}`,
    state: 'published',
    section,
    sectionPath: spec.section
      .split('/')
      .map((_, index, segments) => sections.get(segments.slice(0, index + 1).join('/'))!),
    authors: spec.authors.map((id) => authors.get(id)!),
    ...(spec.series && inSeries
      ? {
          series: {
            series: inSeries,
            part: spec.series.part,
            label: `Part ${spec.series.part} of ${inSeries.parts}`,
          },
        }
      : {}),
    readingMinutes: 1,
  };
}

/** A published article by Li Mei `hour` hours into 1 March 2025 (UTC), with whatever else `spec` says. */
export function story(id: string, section: string, hour: number, spec: Partial<ArticleSpec> = {}): Article {
  return article({
    id,
    section,
    authors: ['li-mei'],
    publishedAt: new Date(Date.UTC(2025, 2, 1, hour)).toISOString(),
    ...spec,
  });
}

/** Articles in the order the newsroom hands them over: newest first, ties by id. */
export function inNewsroomOrder(articles: Article[]): Article[] {
  return [...articles].sort((a, b) =>
    newestFirst({ id: a.id, publishedAt: a.data.publishedAt }, { id: b.id, publishedAt: b.data.publishedAt }),
  );
}
