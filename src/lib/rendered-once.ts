import { astroCachesPages } from './env.ts';

const rendered = new Map<string, string>();

/**
 * The most pieces of HTML kept, each a little over 1 KB; the oldest, forgotten first, are the least
 * likely to be shown again.
 */
const kept = 50_000;

/**
 * The HTML `render` makes for `key`, rendered once per build and then reused: HTML that many pages
 * show the same, such as an article's photo in a card, which its section's, tags' and author's
 * listings, the front page and the stories beside it all show. Astro's `<Picture>` works out every
 * rendition's address again each time (three formats, up to five widths, each a digest of its
 * transform): 5.1 % of the Astro process's time in a full render of 10,000 articles (profiled),
 * nearly all of it for photos already shown, and 1.8 % with this. The HTML is a function of the
 * key, so the page is the same byte for byte.
 *
 * Not in a partition built on a machine of its own (`astroCachesPages`): there Astro keeps a copy
 * of each page and records the renditions each page asked for, to bring them back with the page
 * when it restores it, and a page that took its photo from here would have asked for none.
 */
export async function renderedOnce(
  key: string,
  render: () => Promise<string>,
  env: NodeJS.ProcessEnv = process.env,
  limit = kept,
): Promise<string> {
  if (astroCachesPages(env)) return render();
  let html = rendered.get(key);
  if (html === undefined) {
    html = await render();
    if (rendered.size >= limit) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, html);
  }
  return html;
}
