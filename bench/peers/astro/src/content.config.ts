import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const articles = defineCollection({
  loader: glob({ pattern: '*.md', base: process.env['BENCH_CONTENT'] ?? 'content' }),
  schema: z.looseObject({ title: z.string(), summary: z.string(), date: z.coerce.date() }),
});

export const collections = { articles };
