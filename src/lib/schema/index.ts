export { articleSchema } from './article';
export { authorSchema } from './author';
export { figureSchema } from './figure';
export type { SchemaHelpers } from './helpers';
export { sectionSchema } from './section';
export { seriesSchema } from './series';
export { pageSchema } from './page';
export { removedSchema } from './removed';
