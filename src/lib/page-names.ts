import { reservedSegments } from './urls.ts';

/**
 * A static page's file name is its URL (/about/), so it must not be the name of a top-level section
 * or of a URL the site uses itself (/search/, /articles/…): two pages would claim one address.
 * The build refuses such a page (src/lib/query.ts) and the content linter reports it on the file.
 */

/** Why content/pages/<id>.md cannot have its name, or undefined when it can. */
export function pageNameProblem(id: string, sections: { has: (id: string) => boolean }): string | undefined {
  const rename = `rename content/pages/${id}.md`;
  if (sections.has(id)) return `/${id}/ is the address of the section "${id}": ${rename}`;
  if ((reservedSegments as readonly string[]).includes(id)) {
    return `/${id}/ is one of the site’s own addresses (${reservedSegments.join(', ')}): ${rename}`;
  }
  return undefined;
}
