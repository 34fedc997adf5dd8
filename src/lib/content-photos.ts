import { resolve } from 'node:path';

/** The query flag of an import Astro writes for a photo a content entry names (astro/dist/content/consts.js). */
export const contentImageFlag = 'astroContentImageFlag';

/**
 * The file that the import of a content entry's photo names, as Astro writes it into
 * content-assets.mjs (`<path>?astroContentImageFlag=&importer=<the entry's file from the root>`),
 * when the path is relative to the entry's file, as an article names its photo: the path from the
 * entry's folder, which is where Vite's resolution of it from that file looks. Undefined for any
 * other import (an alias, a path from the root, one with `%`, `#` or `?` of its own, which a URL
 * reads otherwise), which Astro resolves as it does.
 */
export function contentPhotoFile(id: string, root: string): string | undefined {
  const query = id.indexOf('?');
  if (query === -1) return undefined;
  const path = id.slice(0, query);
  const params = new URLSearchParams(id.slice(query + 1));
  const importer = params.get('importer');
  if (!params.has(contentImageFlag) || !importer || /[#%?]/.test(importer)) return undefined;
  if (!/^\.\.?\//.test(path) || /[#%]/.test(path)) return undefined;
  return resolve(root, importer, '..', path);
}
