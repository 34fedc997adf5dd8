import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { servePagesDev } from '../support/pages-dev.ts';
import { renameSite } from '../support/sites.ts';
import { legacyPath, renameIds } from '../support/special-sites.ts';

/**
 * The built site under a real host's rules engine: Cloudflare Pages' (`wrangler pages dev`), asked
 * with plain HTTP requests. What Netlify adds (a 410 for a removed story) is in README, "Hosting".
 */

let host: Awaited<ReturnType<typeof servePagesDev>>;
beforeAll(async () => {
  host = await servePagesDev(renameSite.after);
}, 120_000);
afterAll(() => {
  host.close();
});

const get = (path: string) => fetch(`${host.url}${path}`, { redirect: 'manual' });
const newUrl = `/articles/${renameIds.renamed}/`;

/** The headers public/_headers sets for `pattern` (`/*`, `/_astro/*`), by lowercase name. */
function headersFor(pattern: string): Map<string, string> {
  const lines = readFileSync('public/_headers', 'utf8').split('\n');
  const block: string[] = [];
  for (const line of lines.slice(lines.indexOf(pattern) + 1)) {
    if (!/^\s+\S/.test(line)) break;
    block.push(line);
  }
  return new Map(
    block.map((line) => {
      const [name = '', ...value] = line.trim().split(':');
      return [name.toLowerCase(), value.join(':').trim()];
    }),
  );
}

describe('old addresses, under the host', () => {
  test.each([`/articles/${renameIds.moved}/`, `/articles/${renameIds.moved}`, legacyPath])(
    '%s is a 301 to the new URL',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe(newUrl);
    },
  );

  test('the new URL is the article', async () => {
    const response = await get(newUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('A synthetic story that moves');
  });

  test('a removed story shows its removed page (Cloudflare Pages has no 410)', async () => {
    const response = await get(`/articles/${renameIds.removed}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('This story has been removed');
  });
});

describe('public/_headers, under the host', () => {
  test('every page carries the security headers, and is revalidated on every visit', async () => {
    const response = await get(newUrl);
    const wanted = headersFor('/*');
    expect(wanted.size).toBeGreaterThan(4);
    for (const [name, value] of wanted) expect(response.headers.get(name), name).toBe(value);
    // The host's default, which a rule under /* would be joined to /_astro/*'s.
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
  });

  test('the fingerprinted assets under /_astro/ are cached for a year, immutable', async () => {
    // Pages inline their CSS; the fonts and photos are fingerprinted files.
    const asset = readdirSync(join(renameSite.after, '_astro')).find((file) => file.endsWith('.woff2'));
    expect(asset).toBeDefined();
    const response = await get(`/_astro/${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(headersFor('/_astro/*').get('cache-control'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('the search index is cached for an hour', async () => {
    const response = await get('/pagefind/shards.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(headersFor('/pagefind/*').get('cache-control'));
  });
});

describe('the editors’ CMS, under the host', () => {
  test('/admin/ gets its own policy in place of the site’s, and is kept out of search engines', async () => {
    const response = await get('/admin/');
    expect(response.status).toBe(200);
    const policy = headersFor('/admin/*').get('content-security-policy');
    expect(policy).toContain("'unsafe-eval'");
    // One policy, not the site's joined to it: browsers would enforce both, and the CMS would not run.
    expect(response.headers.get('content-security-policy')).toBe(policy);
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
  });
});

describe('an address the site never had', () => {
  test('is a 404 with the site’s own 404 page', async () => {
    const response = await get('/articles/no-such-story/');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(readFileSync(join(renameSite.after, '404.html'), 'utf8'));
  });
});
