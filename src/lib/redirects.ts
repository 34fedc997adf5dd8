import { formatDate, isoInZone } from './dates.ts';
import { escapeHtml } from './html.ts';
import { colour } from './palette.ts';
import type { Palette } from './palette.ts';
import { absoluteUrl, articleUrl, homeUrl } from './urls.ts';

/**
 * No published URL ever breaks (issue 13): an article's old addresses (`redirectFrom:`) lead to its
 * new one, a story taken down (content/removed.yaml) says so at its address, and a build that would
 * lose an address the previous site had is refused (vanishedUrls). The build writes what is planned
 * here after the search index, so that none of these pages is indexed, listed or in a sitemap.
 *
 * Hosts read `_redirects` differently (README, "Old addresses and takedowns"): Netlify serves a
 * file that exists at a path rather than a rule for it unless the rule is forced (`301!`), and
 * Cloudflare Pages refuses the `!` and any 410 line (skipping the line with a warning) but applies
 * redirects before files. So each redirect has a forced line for Netlify, then a plain one for
 * Cloudflare Pages; a takedown has a 410 line that only Netlify applies. Hosts without `_redirects`
 * (GitHub Pages) serve the static pages.
 */

/** An old address sent on to an article's URL. */
export interface Redirect {
  from: string;
  to: string;
}

/** A story taken down, as listed in content/removed.yaml. */
export interface Removal {
  path: string;
  date: Date;
  reason: string;
}

/**
 * The path an old address names: an old slug is an old article URL (`old-slug` →
 * `/articles/old-slug/`), a path is kept, with a trailing slash unless its last segment has an
 * extension (`/2019/story.html`).
 */
export function oldPath(address: string): string {
  if (!address.startsWith('/')) return articleUrl(address);
  if (address.endsWith('/') || /\.[a-z0-9]+$/i.test(address)) return address;
  return `${address}/`;
}

/** The file in the output folder that serves `path`: `a/b/index.html` for `/a/b/`. */
export function fileOf(path: string): string {
  const relative = path.replace(/^\//, '');
  return path.endsWith('/') ? `${relative}index.html` : relative;
}

/** The forms a request for `path` takes: `/a/b/` is also asked for as `/a/b`. */
function requestForms(path: string): string[] {
  return path.endsWith('/') && path !== '/' ? [path, path.slice(0, -1)] : [path];
}

/** `dist/_redirects` for Netlify and Cloudflare Pages: 301s, then 410s (Netlify only). */
export function redirectsFile(redirects: Redirect[], removals: Removal[]): string {
  const lines = [
    '# Written by npm run build from redirectFrom: and content/removed.yaml (src/lib/redirects.ts).',
    '# Each redirect is forced for Netlify (301!), then plain for Cloudflare Pages, which skips the',
    '# forced line and the 410 lines with a warning.',
    ...redirects.flatMap(({ from, to }) =>
      requestForms(from).flatMap((form) => [`${form} ${to} 301!`, `${form} ${to} 301`]),
    ),
    // A forced rewrite to the removed page, which Netlify serves with the rule's status.
    ...removals.flatMap(({ path }) => requestForms(path).map((form) => `${form} /${fileOf(path)} 410!`)),
  ];
  return `${lines.join('\n')}\n`;
}

/** The paths a built site's `_redirects` sends on or answers for. */
export function redirectSources(file: string): string[] {
  return file
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/)[0]!);
}

interface PageSite {
  name: string;
  url: string;
  language: string;
  timezone: string;
  /** The site's colours (src/styles/tokens.css), so the page looks like the paper's. */
  palette: Palette;
}

/**
 * The style of the small pages: the paper's colours (light and dark), its masthead rule and a serif
 * column, inline, since the site's stylesheets are Astro's and these pages are written after it.
 */
function smallPageStyle({ light, dark }: Palette): string {
  const scheme = (tokens: Map<string, string>) =>
    `body{background:${colour(tokens, 'paper')};color:${colour(tokens, 'ink')}}` +
    `a{color:${colour(tokens, 'accent')}}header{border-color:${colour(tokens, 'rule-strong')}}` +
    `.note{color:${colour(tokens, 'muted')}}`;
  const darker = new Map([...light, ...dark]);
  return (
    ':root{color-scheme:light dark}' +
    "body{margin:0;font:1.1875rem/1.55 Georgia,'Times New Roman',serif}" +
    'header{border-bottom:3px double;padding:1rem;text-align:center}' +
    'header a{color:inherit;text-decoration:none;font-weight:700;font-size:1.75rem}' +
    'main{max-width:38rem;margin:0 auto;padding:1.5rem 1rem 3rem}' +
    'h1{font-size:clamp(1.75rem,1.3rem + 2vw,2.5rem);line-height:1.15;margin:0 0 1rem}' +
    '.note{font-family:system-ui,sans-serif;font-size:.9375rem}' +
    scheme(light) +
    `@media (prefers-color-scheme:dark){${scheme(darker)}}`
  );
}

/** A small page outside the site's layout: the host serves it as it is, with its own small style. */
function smallPage(site: PageSite, title: string, head: string[], body: string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(site.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} | ${escapeHtml(site.name)}</title>`,
    // Neither page is content: search engines follow the redirect and drop the removed address.
    '<meta name="robots" content="noindex">',
    ...head,
    `<style>${smallPageStyle(site.palette)}</style>`,
    '</head>',
    '<body>',
    `<header><a href="${homeUrl}">${escapeHtml(site.name)}</a></header>`,
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The page at an old address, for hosts without `_redirects`: an immediate refresh to the new URL,
 * which search engines read as a permanent redirect, with the new URL as its canonical.
 */
export function redirectPage({ to }: Redirect, site: PageSite): string {
  const target = escapeHtml(to);
  return smallPage(
    site,
    'This story has moved',
    [
      `<meta http-equiv="refresh" content="0; url=${target}">`,
      `<link rel="canonical" href="${escapeHtml(absoluteUrl(to, site.url))}">`,
    ],
    [
      `<main><p>This story has moved to <a href="${target}">${escapeHtml(absoluteUrl(to, site.url))}</a>.</p></main>`,
    ],
  );
}

/** The page at a removed story's address: why and when it was taken down. */
export function removedPage(removal: Removal, site: PageSite): string {
  return smallPage(
    site,
    'This story has been removed',
    [],
    [
      '<main>',
      '<h1>This story has been removed</h1>',
      `<p>${escapeHtml(removal.reason)}</p>`,
      `<p class="note">Removed on <time datetime="${removal.date.toISOString()}">${escapeHtml(formatDate(removal.date, site.timezone))}</time>.</p>`,
      `<p><a href="${homeUrl}">${escapeHtml(site.name)}: front page</a></p>`,
      '</main>',
    ],
  );
}

/**
 * The addresses the previous site answered for that the new one does not: its article URLs (from
 * its sitemaps) and the paths its `_redirects` sent on or answered for, as paths.
 */
export function vanishedUrls(previous: Iterable<string>, current: Iterable<string>): string[] {
  const now = new Set(current);
  const gone = new Set([...previous].filter((path) => !now.has(path)));
  // `/old` is the other form of `/old/`: one address, named once.
  return [...gone].filter((path) => !gone.has(`${path}/`)).sort();
}

/**
 * Why the build stops when addresses would vanish, and the two ways to keep each; the example
 * takedown is dated `now` in the site's `timezone`.
 */
export function formatVanished(paths: string[], now: Date, timezone: string): string {
  // The example is an article's address where there is one: its old slug is the shorter fix.
  const article = /^\/articles\/([^/]+)\/$/;
  const first = paths.find((path) => article.test(path)) ?? paths[0] ?? '';
  const slug = article.exec(first)?.[1];
  return [
    `The previous site had ${paths.length === 1 ? 'an address' : `${paths.length} addresses`} this build no longer has, so readers' links and search results would break:`,
    ...paths.map((path) => `  ${path}`),
    'For each, either add it to the article it became, in its frontmatter:',
    `  redirectFrom: ["${slug ?? first}"]`,
    'or, if the story was taken down, list it in content/removed.yaml:',
    `  - path: "${first}"`,
    `    date: "${isoInZone(now, timezone)}"`,
    '    reason: "This story was removed on legal advice."',
  ].join('\n');
}

/** The redirects of the published articles: each old address to the article's URL. */
export function planRedirects(
  articles: { id: string; published: boolean; redirectFrom: string[] }[],
): Redirect[] {
  return articles
    .filter((article) => article.published)
    .flatMap(({ id, redirectFrom }) => redirectFrom.map((from) => ({ from, to: articleUrl(id) })))
    .sort((a, b) => (a.from < b.from ? -1 : 1));
}
