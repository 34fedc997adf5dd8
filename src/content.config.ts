import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { articleLoader } from './lib/article-loader';
import { buildClock, buildJobs, contentRoot, previewsUnpublished } from './lib/env';
import { inBuild } from './lib/publishing';
import { articleSchema, authorSchema, pageSchema, sectionSchema, seriesSchema } from './lib/schema';

const root = contentRoot();
const now = buildClock();
const preview = previewsUnpublished();
const dataFiles = (folder: string) =>
  glob({
    pattern: '**/*.{yaml,yml}',
    base: join(root, folder),
    generateId: ({ entry }) => entry.replace(/\.ya?ml$/, ''),
  });

export const collections = {
  articles: defineCollection({
    loader: articleLoader(
      join(root, 'articles'),
      (article) => inBuild(article, now, { preview }),
      buildJobs(),
      preview,
    ),
    schema: ({ image }) => articleSchema({ image, reference }),
  }),
  authors: defineCollection({
    loader: dataFiles('authors'),
    schema: ({ image }) => authorSchema({ image }),
  }),
  sections: defineCollection({ loader: dataFiles('sections'), schema: sectionSchema }),
  series: defineCollection({ loader: dataFiles('series'), schema: seriesSchema }),
  pages: defineCollection({
    loader: glob({ pattern: '*.md', base: join(root, 'pages') }),
    schema: pageSchema,
  }),
};
