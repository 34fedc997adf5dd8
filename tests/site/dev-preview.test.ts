import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDateTime } from '../../src/lib/dates';
import { authorUrl, sectionUrl, tagUrl } from '../../src/lib/urls';
import { site } from '../../src/site.config';
import { childEnv, outputRoot, projectCopy } from '../support/build-site';
import { fixtureIds, leakMarkers } from '../support/fixture-site';
import { gatingSites } from '../support/sites';
import { gatingEmbargo } from '../support/special-sites';

const content = join(outputRoot, 'preview/content');
const port = 4300 + (process.pid % 500);
const origin = `http://127.0.0.1:${port}`;
let server: ChildProcess;
let log = '';

beforeAll(async () => {
  rmSync(content, { recursive: true, force: true });
  cpSync(gatingSites.before.content, content, { recursive: true });
  server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      // Its own project copy: `npm test` type-checks the project and other tests build while it runs.
      cwd: projectCopy('dev-preview'),
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

afterAll(() => {
  server.kill();
});

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
});
