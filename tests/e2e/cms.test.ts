import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeAdmin } from '../../src/integrations/cms-admin.ts';
import { site } from '../../src/site.config.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, childEnv, outputRoot, projectCopy } from '../support/build-site.ts';
import { newsDesk, writeFiles } from '../support/content-files.ts';
import { startDecapServer } from '../support/decap-server.ts';
import { serve } from '../support/static-server.ts';

/**
 * An editor who has never used git files a story with a photo through the CMS at /admin/, against
 * decap-server on a synthetic newsroom repository (as `npm run cms` runs it); the file the CMS writes
 * must pass the content check and build into a page.
 */

const root = join(outputRoot, 'cms');
const repo = join(root, 'repo');
const content = join(repo, 'content');
const now = '2026-01-15T12:00:00+08:00';
const headline = 'Harbour ferry timetable changes for winter';
const slug = 'harbour-ferry-timetable-changes-for-winter';

const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

/**
 * The policy public/_headers gives /admin/ on the host, plus decap-server's address, which only
 * `npm run cms` needs: the CMS must work under it.
 */
function adminPolicy(api: string): string {
  const rule = readFileSync('public/_headers', 'utf8')
    .split(/\n(?=\S)/)
    .find((block) => block.startsWith('/admin/*'));
  const policy = /^\s*Content-Security-Policy: (.*)$/m.exec(rule ?? '')?.[1];
  if (!policy) throw new Error('public/_headers gives /admin/* no Content-Security-Policy');
  return policy.replace('connect-src', `connect-src ${new URL(api).origin}`);
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let backend: Awaited<ReturnType<typeof startDecapServer>>;

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  writeFiles(content, newsDesk);
  git('init', '--quiet', '--initial-branch=main');
  // decap-server commits as the repository's own user: a CI machine may have none configured.
  git('config', 'user.name', 'Desk');
  git('config', 'user.email', 'desk@broadsheet.invalid');
  git('config', 'commit.gpgsign', 'false');
  git('add', '.');
  git('commit', '--quiet', '--message=A newsroom with one section and one author');
  backend = await startDecapServer(repo);
  writeAdmin(join(root, 'site'), {
    contentRoot: content,
    repositoryRoot: repo,
    backend: site.cmsBackend,
    siteUrl: site.url,
    timezone: site.timezone,
    localBackendUrl: backend.api,
  });
  server = await serve(join(root, 'site'), { 'Content-Security-Policy': adminPolicy(backend.api) });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser.close();
  await server.close();
  backend.close();
});

test('a story filed in the CMS with a photo is published to the repository, passes the content check and builds into a page', async () => {
  const context = await browser.newContext({
    timezoneId: site.timezone,
    viewport: { width: 1280, height: 1000 },
  });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) blocked.push(message.text());
  });
  // Publishing asks "Are you sure?" in a browser dialog.
  page.on('dialog', (dialog) => void dialog.accept());
  const field = (name: string) => page.locator(`[id^="${name}-field-"]`).first();

  await page.goto(`${server.url}/admin/`);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(/#\/collections\/articles/);
  await page.goto(`${server.url}/admin/#/collections/articles/new`);

  await field('title').fill(headline);
  await field('standfirst').fill('The crossing runs every forty minutes from Monday.');
  await field('section').click();
  await page.getByRole('option', { name: 'News' }).click();
  await field('authors').click();
  await page.getByRole('option', { name: 'Avery Fixture' }).click();
  await field('publishedAt').fill('2026-01-10T09:00');
  await field('hero').getByTestId('expand-button').first().click();
  await field('hero')
    .getByRole('button', { name: /choose an image/i })
    .click();
  await page.locator('input[type="file"]').setInputFiles(resolve('tests/fixtures/photos/sunset.jpg'));
  await page.getByRole('button', { name: 'Choose selected' }).click();
  await field('alt').fill('The ferry at its winter berth at dusk');
  await field('credit').fill('Avery Fixture');
  await page.locator('[data-slate-editor="true"]').first().click();
  await page.keyboard.type('The harbour authority said the new timetable saves fuel over the winter months.');

  // Editorial workflow: saved as a draft on a branch of its own, then set ready and published.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Changes saved').waitFor();
  expect(git('branch', '--list', 'cms/*')).toContain(`cms/articles/${slug}`);
  // Asked of git, not the folder: decap-server checks the draft's branch out for a moment whenever
  // the CMS reads it, which the page does right after saving (a clean clone's run once saw it there).
  const files = (branch: string) =>
    git('ls-tree', '-r', '--name-only', branch, '--', `content/articles/${slug}`);
  expect(files('main')).toBe('');
  const draft = git('branch', '--list', 'cms/*', '--format=%(refname:short)').trim();
  expect(files(draft)).toContain(`content/articles/${slug}/index.md`);
  await page.getByText(/^Status:/).click();
  await page.getByText('Ready', { exact: true }).click();
  await page.getByText('Status: Ready').waitFor();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
  await expect
    .poll(() => existsSync(join(content, 'articles', slug, 'index.md')), { timeout: 30_000 })
    .toBe(true);
  await context.close();
  expect(blocked).toEqual([]);

  // One folder per article, the photo beside its index.md, merged into main. decap-server deletes
  // the article's branch after the merge, in a git command of its own: waited for, not raced.
  expect(existsSync(join(content, 'articles', slug, 'sunset.jpg'))).toBe(true);
  await expect.poll(() => git('branch', '--list', 'cms/*').trim(), { timeout: 30_000 }).toBe('');
  const file = readFileSync(join(content, 'articles', slug, 'index.md'), 'utf8');
  expect(file).toContain(`title: ${headline}`);
  expect(file).toMatch(/publishedAt: "?2026-01-10T09:00:00\+08:00"?/);

  const lint = spawnSync(process.execPath, [resolve('scripts/lint-content.ts')], {
    encoding: 'utf8',
    env: childEnv({ BROADSHEET_CONTENT: content, BROADSHEET_NOW: now }),
  });
  expect(lint.status, `${lint.stdout}${lint.stderr}`).toBe(0);

  const dist = join(root, 'dist');
  const build = await buildSite({ content, dist, now }, projectCopy('cms'));
  expect(build.status, build.output).toBe(0);
  const html = readFileSync(join(dist, 'articles', slug, 'index.html'), 'utf8');
  expect(html).toContain(headline);
  expect(html).toContain('alt="The ferry at its winter berth at dusk"');
  expect(html).toContain('new timetable saves fuel');
  // The build writes the CMS beside the site, offering the newsroom's section and author.
  expect(readFileSync(join(dist, 'admin', 'config.yml'), 'utf8')).toContain('label: Avery Fixture');
  expect(readFileSync(join(dist, 'admin', 'index.html'), 'utf8')).toContain('/admin/decap-cms.js');
}, 600_000);
