import { formatSchemaType } from './article-format.ts';
import type { ArticleFormat } from './article-format.ts';
import { isoInZone } from './dates.ts';
import type { Article } from './model.ts';
import { absoluteUrl, authorUrl, sectionUrl, seriesUrl } from './urls.ts';

/**
 * Structured data for search engines (schema.org NewsArticle and BreadcrumbList), built from plain
 * values so it can be tested without Astro.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/**
 * JSON for an inline <script type="application/ld+json">: `<`, `>` and `&` escaped so that no string
 * can close the script element, and U+2028/U+2029 escaped for old JavaScript parsers.
 */
export function serializeJsonLd(value: Json): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** What NewsArticle needs to know. */
export interface NewsArticleInput {
  url: string;
  format: ArticleFormat;
  headline: string;
  description: string;
  images: string[];
  datePublished: string;
  dateModified: string;
  authors: { id: string; name: string }[];
  section: string;
  keywords: string[];
  series?: { id: string; name: string } | undefined;
  corrections: { date: string; text: string }[];
  publisher: { name: string; logo: string };
  origin: string;
  language: string;
}

/** A schema.org NewsArticle, or the subtype its format calls for (OpinionNewsArticle…). */
export function newsArticle(input: NewsArticleInput): Json {
  const { origin } = input;
  return {
    '@context': 'https://schema.org',
    '@type': formatSchemaType(input.format),
    mainEntityOfPage: { '@type': 'WebPage', '@id': absoluteUrl(input.url, origin) },
    url: absoluteUrl(input.url, origin),
    headline: input.headline,
    description: input.description,
    image: input.images,
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    inLanguage: input.language,
    author: input.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(authorUrl(author.id), origin),
    })),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: input.publisher.name,
      logo: { '@type': 'ImageObject', url: absoluteUrl(input.publisher.logo, origin) },
    },
    articleSection: input.section,
    keywords: input.keywords,
    isPartOf: input.series
      ? {
          '@type': 'CreativeWorkSeries',
          name: input.series.name,
          url: absoluteUrl(seriesUrl(input.series.id), origin),
        }
      : undefined,
    correction: input.corrections.length
      ? input.corrections.map((correction) => ({
          '@type': 'CorrectionComment',
          text: correction.text,
          datePublished: correction.date,
        }))
      : undefined,
  };
}

/** A schema.org BreadcrumbList for a section path (Business > Auto). */
export function sectionBreadcrumbs(path: { id: string; name: string }[], origin: string): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: path.map((section, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: section.name,
      item: absoluteUrl(sectionUrl(section.id), origin),
    })),
  };
}

/** Site details an article's structured data needs. */
export interface JsonLdSite {
  name: string;
  url: string;
  language: string;
  timezone: string;
  logo: { src: string };
  /** The site's link-preview image, for an article without a photo of its own. */
  shareImage: { src: string };
}

/**
 * Everything an article page embeds: its NewsArticle (dates in the site timezone) and breadcrumbs.
 * An article without a photo names the site's share image: search engines want an image for rich
 * results, and an empty list is no image.
 */
export function articleJsonLd(article: Article, site: JsonLdSite, images: string[]): Json[] {
  const { data } = article;
  return [
    newsArticle({
      url: article.url,
      format: data.format,
      headline: data.title,
      description: data.standfirst,
      images: images.length > 0 ? images : [absoluteUrl(site.shareImage.src, site.url)],
      datePublished: isoInZone(data.publishedAt, site.timezone),
      dateModified: isoInZone(data.updatedAt ?? data.publishedAt, site.timezone),
      authors: article.authors,
      section: article.sectionPath.map((section) => section.name).join(' > '),
      keywords: data.tags,
      series: article.series?.series,
      corrections: data.corrections.map((correction) => ({
        date: isoInZone(correction.date, site.timezone),
        text: correction.text,
      })),
      publisher: { name: site.name, logo: site.logo.src },
      origin: site.url,
      language: site.language,
    }),
    sectionBreadcrumbs(article.sectionPath, site.url),
  ];
}
