/**
 * The content collections: what src/content.config.ts hands Astro. Node loads this module itself,
 * not through Vite (that file says why), so it takes Astro's helpers from their packages rather
 * than from `astro:content`, a virtual module only Vite knows.
 */
import { defineCollection } from 'astro/content/config';
import { createReference } from 'astro/content/runtime';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { articleLoader } from './article-loader.ts';
import { contentBodies } from './bodies.ts';
import { pageLoader } from './page-loader.ts';
import { buildClock, buildJobs, contentRoot, previewsUnpublished } from './env.ts';
import { inBuild } from './publishing.ts';
import { articleSchema, authorSchema, pageSchema, sectionSchema, seriesSchema } from './schema/index.ts';
import type { SchemaHelpers } from './schema/helpers.ts';

/**
 * Astro's `reference()`, made as `astro:content` makes it, and typed as the schemas take it: a link
 * that resolves to `{ id, collection }`, as that module declares it.
 */
const reference = createReference() as SchemaHelpers['reference'];

/**
 * The collections of the content root, for a build or, in Astro's dev server, its preview. Whether
 * this is the dev server only code that Vite loads can tell (src/lib/dev-server.ts), so the config
 * says.
 */
export function contentCollections(devServer: boolean) {
  const root = contentRoot();
  const now = buildClock();
  const preview = previewsUnpublished(process.env, devServer);
  const dataFiles = (folder: string) =>
    glob({
      pattern: '**/*.{yaml,yml}',
      base: join(root, folder),
      generateId: ({ entry }) => entry.replace(/\.ya?ml$/, ''),
    });
  const articles = new Map<string, ReturnType<typeof articleSchema>>();
  return {
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
}
