import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes `data` to `file`, making its folder first. */
export function write(file: string, data: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
}

/** A Markdown file's frontmatter block: each field on one line as JSON (which YAML reads), undefined ones left out. */
export function frontmatter(fields: Record<string, unknown>): string {
  return `---\n${Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n')}\n---\n\n`;
}

/** Writes each file of `files` (paths relative to `dir`). */
export function writeFiles(dir: string, files: Record<string, string | Buffer>): void {
  for (const [path, data] of Object.entries(files)) write(join(dir, path), data);
}

/** The one section and one author every tiny synthetic newsroom starts from. */
export const newsDesk = {
  'sections/news.yaml': 'name: News\ndescription: Synthetic news.\n',
  'authors/avery-fixture.yaml': 'name: Avery Fixture\nrole: Synthetic\nbio: Made up.\n',
};
