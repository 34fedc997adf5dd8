import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { articleLoader } from './lib/article-loader.ts';
import { contentBodies } from './lib/bodies.ts';
import { pageLoader } from './lib/page-loader.ts';
import { buildClock, buildJobs, contentRoot, previewsUnpublished } from './lib/env.ts';
import { inBuild } from './lib/publishing.ts';
import { articleSchema, authorSchema, pageSchema, sectionSchema, seriesSchema } from './lib/schema/index.ts';

const root = contentRoot();
const now = buildClock();
const preview = previewsUnpublished();
const dataFiles = (folder: string) =>
  glob({
    pattern: '**/*.{yaml,yml}',
    base: join(root, folder),
    generateId: ({ entry }) => entry.replace(/\.ya?ml$/, ''),
  });

const articles = new Map<string, ReturnType<typeof articleSchema>>();

export const collections = {
  articles: defineCollection({
    loader: articleLoader(
      join(root, 'articles'),
      contentBodies(),
      (article) => inBuild(article, now, { preview }),
      buildJobs(),
      preview,
    ),
    schema: ({ image }) => {
      // Astro asks for the schema once per entry (and once for its types, with another image()),
      // and zod building it 10,000 times took 13 s of a first sync. The entry's image() needs its
      // folder only for a photo named without "./", which the loader names "./" first
      // (readArticle): so one schema per kind of image() serves every entry.
      const kind = image()._zod.def.type;
      if (!articles.has(kind)) articles.set(kind, articleSchema({ image, reference }));
      return articles.get(kind)!;
    },
  }),
  authors: defineCollection({
    loader: dataFiles('authors'),
    schema: ({ image }) => authorSchema({ image }),
  }),
  sections: defineCollection({ loader: dataFiles('sections'), schema: sectionSchema }),
  series: defineCollection({ loader: dataFiles('series'), schema: seriesSchema }),
  pages: defineCollection({
    loader: pageLoader(join(root, 'pages')),
    schema: pageSchema,
  }),
};
