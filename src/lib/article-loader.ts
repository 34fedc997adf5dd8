import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { glob } from 'astro/loaders';
import type { DataStore, Loader } from 'astro/loaders';
import type { Gated } from './publishing';
import { figuresFromMarkdown } from './figures';
import { parseFrontmatter } from './frontmatter';

/**
 * Articles: Astro's glob loader over `<content>/articles/**\/*.md`, with four changes.
 * - Frontmatter is read by src/lib/frontmatter.ts, as the linter reads it: timestamps stay the text
 *   the editor wrote, so a date without an offset can be refused instead of read as UTC.
 * - The body's figures are added as `bodyFigures`, so their images are resolved and optimized by
 *   `astro:assets` and checked by the schema (alt text required) like the hero.
 * - Only articles that `include` accepts enter the content store. In a production build that is the
 *   published ones, so a draft's text and photos are never even imported (docs/architecture.md, guarantee 1).
 * - The Markdown source is not kept in the store, only the rendered HTML.
 */
export function articleLoader(base: string, include: (data: Gated) => boolean): Loader {
  const inner = glob({
    pattern: '**/*.md',
    base,
    generateId: ({ entry, data }) => entryId(base, entry, data),
    // Pages use the rendered HTML; the Markdown source would double the content store, which Astro
    // bundles into the build as one module (20 s to compile at 10,000 articles).
    retainBody: false,
  });
  return {
    name: 'broadsheet-articles',
    load: (context) =>
      inner.load({
        ...context,
        store: gatedStore(context.store, include),
        parseData: async (props) =>
          context.parseData({
            ...props,
            data: (await readArticle(props.filePath ?? '')) as typeof props.data,
          }),
      }),
  };
}

/** The store, but entries `include` refuses are removed instead of stored or reused. */
function gatedStore(store: DataStore, include: (data: Gated) => boolean): DataStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'set') {
        return (entry: Parameters<DataStore['set']>[0]) => {
          if (include(entry.data as unknown as Gated)) return target.set(entry);
          // An article that was published in an earlier sync and is a draft now must go too.
          target.delete(entry.id);
          return false;
        };
      }
      if (property === 'get') {
        // A cached entry stored by an earlier sync (a dev preview, a later clock) is dropped when it
        // is not to be published now; otherwise the loader would reuse it and import its photos.
        return (id: string) => {
          const entry = target.get(id);
          if (entry && !include(entry.data as unknown as Gated)) {
            target.delete(id);
            return undefined;
          }
          return entry;
        };
      }
      // Methods run on the store itself, not the proxy (the store keeps private state).
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The article id: its `slug`, else the file name, or the folder name for `<folder>/index.md`. */
export function articleId(entry: string, data: Record<string, unknown>): string {
  if (typeof data['slug'] === 'string' && data['slug']) return data['slug'];
  const name = basename(entry, '.md');
  return name === 'index' ? basename(dirname(entry)) : name;
}

/**
 * The id of an article file as the glob loader names it. Astro hands over the frontmatter as its own
 * YAML reader sees it, which makes a date-like `slug: 2026-01-02` a Date; a file that sets `slug` is
 * read again by ours, so its id is the one the linter and the sitemap give it.
 */
export function entryId(base: string, entry: string, data: Record<string, unknown>): string {
  if (!('slug' in data)) return articleId(entry, data);
  return articleId(entry, parseFrontmatter(readFileSync(join(base, entry), 'utf8')).data);
}

/** An article file's data as the schema sees it: frontmatter (timestamps as text) plus body figures. */
export async function readArticle(filePath: string): Promise<Record<string, unknown>> {
  const { data, errors, body } = parseFrontmatter(await readFile(filePath, 'utf8'));
  const [error] = errors;
  if (error) throw new Error(`${filePath}:${error.line}:${error.column}: ${error.message}`);
  return { ...data, bodyFigures: figuresFromMarkdown(body) };
}
