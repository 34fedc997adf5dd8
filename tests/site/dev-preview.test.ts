import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDateTime } from '../../src/lib/dates.ts';
import { cacheDirFor } from '../../src/lib/env.ts';
import { authorUrl, sectionUrl, tagUrl } from '../../src/lib/urls.ts';
import { site } from '../../src/site.config.ts';
import { launchBrowser, open, screenshot } from '../support/browser.ts';
import { childEnv, projectCopy } from '../support/build-site.ts';
import { frontmatter, writeFiles } from '../support/content-files.ts';
import { fixtureIds, leakMarkers } from '../support/fixture-site.ts';
import { gatingSites } from '../support/sites.ts';
import { gatingEmbargo } from '../support/special-sites.ts';

// Outside tests/.output, which the dev server does not watch: one test edits an article as it runs.
const content = mkdtempSync(join(tmpdir(), 'broadsheet-dev-preview-'));
const port = 4300 + (process.pid % 500);
const origin = `http://127.0.0.1:${port}`;
let server: ChildProcess;
let browser: Browser;
let log = '';
// Its own project copy: `npm test` type-checks the project and other tests build while it runs.
const project = projectCopy('dev-preview');
// The preview searches the last production build's index: here, the gating site's.
const builtIndex = join(gatingSites.before.dist, 'pagefind');
const lastBuildIndex = join(project, 'dist', 'pagefind');

beforeAll(async () => {
  cpSync(gatingSites.before.content, content, { recursive: true });
  writeFiles(content, brokenArticles);
  cpSync(builtIndex, lastBuildIndex, { recursive: true });
  browser = await launchBrowser();
  server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: project,
      env: childEnv({
        BROADSHEET_CONTENT: content,
        BROADSHEET_NOW: gatingSites.before.now,
        BROADSHEET_PREVIEW: '1',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${origin}/`);
      if (response.ok) return;
      log += `\nGET / answered ${response.status}\n`;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
  throw new Error(`the dev server did not start within 60 s:\n${log}`);
}, 70_000);

afterAll(async () => {
  server.kill();
  await browser.close();
  rmSync(content, { recursive: true, force: true });
  rmSync(cacheDirFor(content, project), { recursive: true, force: true });
});

// Four articles the build would refuse, each in its own way; the preview must show the rest.
const broken = (fields: Record<string, unknown>) =>
  frontmatter({
    title: 'A broken synthetic story',
    standfirst: 'Standfirst.',
    section: 'news',
    authors: ['avery-fixture'],
    publishedAt: '2026-01-05T09:00:00+08:00',
    ...fields,
  }) + 'Body.\n';
const brokenArticles = {
  'articles/no-offset-story/index.md': broken({ publishedAt: '2026-01-05T09:00:00' }),
  'articles/stranger-story/index.md': broken({ authors: ['nobody-here'] }),
  'articles/unclosed-story/index.md': '---\ntitle: "Unclosed\nstandfirst: Standfirst.\n---\n\nBody.\n',
  // Written as an editor types it: the one mistake must give the one YAML message, not six.
  'articles/colon-story/index.md': broken({}).replace(
    'title: "A broken synthetic story"',
    'title: Breaking: fire at the port',
  ),
};
const file = (path: string) => relative(project, join(content, path));

const embargoMark = `Embargoed until ${formatDateTime(new Date(gatingEmbargo), site.timezone)}`;
const page = async (path: string) => (await fetch(`${origin}${path}`)).text();
// The preview marks of the cards on a page, keyed by each card's link.
const cardMarks = (html: string) =>
  new Map(
    [...html.matchAll(/<article class="card[\s\S]*?<\/article>/g)].map(([card]) => [
      /<h[23][^>]*>\s*<a href="([^"]+)"/.exec(card)?.[1],
      /<p class="preview-mark"[^>]*>([^<]*)<\/p>/.exec(card)?.[1],
    ]),
  );

describe('the dev preview (npm run dev)', () => {
  test('shows a draft, marked "Draft — not published"', async () => {
    const html = await (await fetch(`${origin}/articles/${fixtureIds.draft}/`)).text();
    expect(html).toContain(leakMarkers.draft);
    expect(html).toContain('Draft — not published');
  });

  test('shows an embargoed article, marked with the time its embargo lifts', async () => {
    const html = await (await fetch(`${origin}/articles/${fixtureIds.embargoed}/`)).text();
    expect(html).toContain(leakMarkers.embargo);
    expect(html).toContain(`Embargoed until ${formatDateTime(new Date(gatingEmbargo), site.timezone)}`);
  });

  test('does not mark published articles', async () => {
    const html = await (await fetch(`${origin}/articles/published-story/`)).text();
    expect(html).toContain('Published synthetic story');
    expect(html).not.toMatch(/<p class="preview-banner"/);
    expect(html).not.toContain('not published');
  });

  test('the front page leads with the embargoed story, marked with the time its embargo lifts', async () => {
    const html = await page('/');
    const lead = /<article class="card card-lead[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
    expect(lead).toContain(leakMarkers.embargo);
    expect(cardMarks(lead).get(`/articles/${fixtureIds.embargoed}/`)).toBe(embargoMark);
  });

  test.each([
    ['section', sectionUrl('news')],
    ['author', authorUrl('avery-fixture')],
  ])('the %s listing marks the draft and the embargoed card, and no other', async (_, path) => {
    const marks = cardMarks(await page(path));
    expect(marks.get(`/articles/${fixtureIds.draft}/`)).toBe('Draft');
    expect(marks.get(`/articles/${fixtureIds.embargoed}/`)).toBe(embargoMark);
    expect(marks.get('/articles/published-story/')).toBeUndefined();
  });

  test('a tag listing marks its draft card', async () => {
    const marks = cardMarks(await page(tagUrl(`${leakMarkers.draft}-tag`)));
    expect([...marks]).toEqual([[`/articles/${fixtureIds.draft}/`, 'Draft']]);
  });

  test('feed items of unpublished articles say so before the headline', async () => {
    const rss = await page('/rss.xml');
    expect(rss).toContain(`<title>[${embargoMark}] Unpublished ${leakMarkers.embargo} headline</title>`);
    expect(rss).toContain(`<title>[Draft] Unpublished ${leakMarkers.draft} headline</title>`);
    expect(rss).toContain('<title>Published synthetic story</title>');
    const json = (await (await fetch(`${origin}/feed.json`)).json()) as { items: { title: string }[] };
    expect(json.items.map((item) => item.title)).toContain(
      `[Draft] Unpublished ${leakMarkers.draft} headline`,
    );
  });

  test('the front page, in a browser, shows the mark on the lead card', async () => {
    const { page, problems } = await open(browser, `${origin}/`, { width: 1280 });
    const mark = page.locator('.card-lead .preview-mark');
    expect(await mark.isVisible()).toBe(true);
    expect(await mark.textContent()).toBe(embargoMark);
    expect(problems).toEqual([]);
    await screenshot(page, 'preview-front-1280');
    await page.close();
  });
});

describe('search in the dev preview', () => {
  test("serves the last production build's search index", async () => {
    const served = await fetch(`${origin}/pagefind/shards.json`);
    expect(served.headers.get('content-type')).toBe('application/json');
    expect(await served.text()).toBe(readFileSync(join(builtIndex, 'shards.json'), 'utf8'));
  });

  test('finds a published article, in a browser, under the CSP, and says which build it searches', async () => {
    const { page, problems } = await open(browser, `${origin}/search/?q=synthetic`, { width: 1280 });
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    expect(await result.textContent()).toBe('Published synthetic story');
    expect(await page.locator('.preview-note').textContent()).toMatch(
      /^Search in the preview uses the last production build \(.+\): it finds the articles published then, not drafts/,
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  test('without a production build, the search page says how to get one', async () => {
    renameSync(lastBuildIndex, `${lastBuildIndex}-away`);
    try {
      expect((await fetch(`${origin}/pagefind/shards.json`)).status).toBe(404);
      const { page } = await open(browser, `${origin}/search/`, { width: 1280 });
      expect(await page.locator('.preview-note').textContent()).toContain('run npm run build once');
      expect(await page.locator('#search').textContent()).toBe('The search index could not be loaded.');
      await page.close();
    } finally {
      renameSync(`${lastBuildIndex}-away`, lastBuildIndex);
    }
  });
});

describe('a broken article in the dev preview', () => {
  // The problems on an article's error page, as text: "<file>:<line>:<column> <message>".
  const problems = async (path: string) => {
    const html = await page(path);
    expect(html).toContain('This article cannot be published');
    return [...html.matchAll(/<li[^>]*>\s*<code[^>]*>([^<]*)<\/code>\s*<p[^>]*>([^<]*)<\/p>/g)].map(
      ([, where, message]) => `${where} ${message?.replaceAll('&quot;', '"')}`,
    );
  };

  test.each([
    [
      'invalid frontmatter',
      'no-offset-story',
      `${file('articles/no-offset-story/index.md')}:6:14 the publication date (publishedAt): "2026-01-05T09:00:00" has no UTC offset: add one`,
    ],
    [
      'an unknown author',
      'stranger-story',
      `${file('articles/stranger-story/index.md')}:5:11 the first author: author "nobody-here" is not in content/authors/: use one of`,
    ],
    [
      'frontmatter that is not YAML',
      'unclosed-story',
      `${file('articles/unclosed-story/index.md')}:2:8 the quote that opens here is never closed`,
    ],
    [
      'an unquoted headline with a colon',
      'colon-story',
      `${file('articles/colon-story/index.md')}:2:8 put the headline in quotes, for YAML reads a colon in it as the start of another field: \`title: "Breaking: fire at the port"\``,
    ],
  ])('an article with %s shows its own error page: file, line, message and fix', async (_, id, problem) => {
    const [only, ...others] = await problems(`/articles/${id}/`);
    expect(only).toContain(problem);
    expect(others).toEqual([]);
  });

  test('every other page keeps working, without the broken articles', async () => {
    for (const path of ['/', sectionUrl('news'), authorUrl('avery-fixture'), '/articles/published-story/']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).not.toMatch(
        /no-offset-story|stranger-story|unclosed-story|colon-story/,
      );
    }
  });

  test('an article broken while the server runs shows its error page, not its last good version', async () => {
    const path = join(content, 'articles/published-story/index.md');
    const good = readFileSync(path, 'utf8');
    const until = async (check: (html: string) => boolean) => {
      const deadline = Date.now() + 20_000;
      let html = '';
      while (Date.now() < deadline) {
        html = await page('/articles/published-story/');
        if (check(html)) return html;
        await new Promise((wait) => setTimeout(wait, 250));
      }
      return html;
    };
    try {
      writeFileSync(path, good.replace('+08:00"', '"'));
      expect(await until((html) => html.includes('cannot be published'))).toContain('has no UTC offset');
      expect(await page('/')).not.toContain('/articles/published-story/');
    } finally {
      writeFileSync(path, good);
    }
    expect(await until((html) => !html.includes('cannot be published'))).toContain(
      'Published synthetic story',
    );
  });
});
