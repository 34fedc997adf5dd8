export { articleSchema } from './article.ts';
export { authorSchema } from './author.ts';
export { figureSchema } from './figure.ts';
export type { SchemaHelpers } from './helpers.ts';
export { sectionSchema } from './section.ts';
export { seriesSchema } from './series.ts';
export { pageSchema } from './page.ts';
export { removedSchema } from './removed.ts';
