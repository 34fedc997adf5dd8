import { existsSync, readdirSync } from 'node:fs';

/** How many Markdown files an articles folder holds, published or not: a cheap measure of the archive. */
export function countArticleFiles(base: string): number {
  if (!existsSync(base)) return 0;
  return readdirSync(base, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'))
    .length;
}
