import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  buildClock,
  buildJobs,
  cacheDirFor,
  contentRoot,
  githubOutput,
  previewsUnpublished,
} from '../../src/lib/env.ts';

describe('contentRoot', () => {
  test.each([
    { what: 'unset', env: {}, root: resolve(process.cwd(), 'content') },
    { what: 'empty', env: { BROADSHEET_CONTENT: '' }, root: resolve(process.cwd(), 'content') },
    {
      what: 'relative',
      env: { BROADSHEET_CONTENT: 'tests/.output/fixture' },
      root: resolve(process.cwd(), 'tests/.output/fixture'),
    },
    { what: 'absolute', env: { BROADSHEET_CONTENT: '/srv/newsroom/content' }, root: '/srv/newsroom/content' },
  ])('$what BROADSHEET_CONTENT gives $root', ({ env, root }) => {
    expect(contentRoot(env)).toBe(root);
  });
});

describe('buildClock', () => {
  const wall = new Date('2030-01-01T00:00:00Z');
  const wallClock = () => wall;

  test.each([
    { pinned: '2025-03-04T12:00:00+08:00', utc: '2025-03-04T04:00:00.000Z' },
    { pinned: '2025-03-04T04:00:00Z', utc: '2025-03-04T04:00:00.000Z' },
    { pinned: '2025-07-01T12:30:00-07:00', utc: '2025-07-01T19:30:00.000Z' },
  ])('BROADSHEET_NOW=$pinned pins the clock to $utc', ({ pinned, utc }) => {
    expect(buildClock({ BROADSHEET_NOW: pinned }, wallClock).toISOString()).toBe(utc);
  });

  test.each([{ env: {} }, { env: { BROADSHEET_NOW: '' } }])(
    'without a pinned time it is the wall clock',
    ({ env }) => {
      expect(buildClock(env, wallClock)).toBe(wall);
    },
  );

  test.each([
    { what: 'a time without an offset', pinned: '2025-03-04T12:00:00' },
    { what: 'a date alone', pinned: '2025-03-04' },
    { what: 'an offset without a colon', pinned: '2025-03-04T12:00:00+0800' },
    { what: 'words', pinned: 'tomorrow' },
    { what: 'an impossible month', pinned: '2025-13-01T09:00:00+08:00' },
    { what: 'an impossible day (30 February)', pinned: '2025-02-30T09:00:00+08:00' },
    { what: 'an impossible day (31 April)', pinned: '2025-04-31T09:00:00+08:00' },
  ])('$what is refused with an example of how to write it', ({ pinned }) => {
    expect(() => buildClock({ BROADSHEET_NOW: pinned }, wallClock)).toThrow(
      /BROADSHEET_NOW.*offset.*e\.g\. \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00/,
    );
  });
});

describe('cacheDirFor', () => {
  const project = '/work/site';

  test('the standard content folder uses Astro’s usual cache', () => {
    expect(cacheDirFor(resolve(project, 'content'), project)).toBe(resolve(project, 'node_modules/.astro'));
  });

  test('another content root gets its own folder inside the cache', () => {
    const dir = cacheDirFor('/tmp/fixture-site/content', project);
    expect(dir.startsWith(`${resolve(project, 'node_modules/.astro')}/`)).toBe(true);
    expect(dir).not.toBe(resolve(project, 'node_modules/.astro'));
  });

  test.each([
    { a: resolve(project, 'tests/.output/fixture'), b: resolve(project, 'tests/.output/newsroom') },
    { a: '/tmp/a-b', b: '/tmp/a/b' },
    { a: '/tmp/site one', b: '/tmp/site-one' },
    { a: '/tmp/Site', b: '/tmp/site' },
  ])('$a and $b get different cache folders', ({ a, b }) => {
    expect(cacheDirFor(a, project)).not.toBe(cacheDirFor(b, project));
  });

  test('the same root always gets the same folder', () => {
    expect(cacheDirFor('/tmp/fixture', project)).toBe(cacheDirFor('/tmp/fixture', project));
  });

  test('the same content built from two projects gets two folders, even when they share node_modules', () => {
    // The content store names files from the project's root: the test suite's copies of the project,
    // whose node_modules is this one's, once left a store there that the project itself could not use.
    const copy = '/work/site/tests/.output/projects/lane-1';
    const shared = (dir: string) =>
      dir.replace(resolve(copy, 'node_modules'), resolve(project, 'node_modules'));
    expect(shared(cacheDirFor('/tmp/fixture', copy))).not.toBe(cacheDirFor('/tmp/fixture', project));
  });
});

describe('previewsUnpublished', () => {
  test.each([
    { what: 'npm run dev', env: { BROADSHEET_PREVIEW: '1' }, devServer: true, preview: true },
    { what: 'the dev server without the dev script', env: {}, devServer: true, preview: false },
    {
      what: 'the dev server with BROADSHEET_PREVIEW=0',
      env: { BROADSHEET_PREVIEW: '0' },
      devServer: true,
      preview: false,
    },
    {
      what: 'a build with BROADSHEET_PREVIEW=1 left in the shell',
      env: { BROADSHEET_PREVIEW: '1' },
      devServer: false,
      preview: false,
    },
    { what: 'a build', env: {}, devServer: false, preview: false },
  ])('$what: $preview', ({ env, devServer, preview }) => {
    expect(previewsUnpublished(env, devServer)).toBe(preview);
  });
});

describe('buildJobs', () => {
  test('is one thread per core unless BROADSHEET_JOBS says otherwise', () => {
    expect(buildJobs({}, 6)).toBe(6);
    expect(buildJobs({ BROADSHEET_JOBS: '' }, 6)).toBe(6);
    expect(buildJobs({ BROADSHEET_JOBS: '1' }, 6)).toBe(1);
    expect(buildJobs({ BROADSHEET_JOBS: '12' }, 2)).toBe(12);
  });

  test.each(['0', '-2', '1.5', 'two'])('BROADSHEET_JOBS=%s is refused with what to write', (jobs) => {
    expect(() => buildJobs({ BROADSHEET_JOBS: jobs }, 2)).toThrow(
      `BROADSHEET_JOBS="${jobs}" is not a number of threads: use a whole number from 1, e.g. 4`,
    );
  });
});

describe('githubOutput', () => {
  test.each([
    {
      what: 'in a GitHub Actions step',
      env: { GITHUB_OUTPUT: '/home/runner/_temp/out_1' },
      file: '/home/runner/_temp/out_1',
    },
    { what: 'outside GitHub Actions', env: {}, file: undefined },
    { what: 'with GITHUB_OUTPUT empty', env: { GITHUB_OUTPUT: '' }, file: undefined },
  ])('$what is $file', ({ env, file }) => {
    expect(githubOutput(env)).toBe(file);
  });
});

/**
 * Astro writes into any module whose text reads `import.meta.env` whole the value of every
 * environment variable the text names (astro/dist/env/vite-plugin-import-meta-env.js). Such a module
 * that named the build clock changed with every clock, and with it the code of every page that
 * imports it: Astro's incremental build, which reuses a page only for the same code, rendered every
 * page again in every build but one whose clock was pinned (issue 11).
 */
describe('modules that read import.meta.env whole', () => {
  const bare = /\bimport\.meta\.env\b(?!\.)/;
  const modules = readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mjs|astro)$/.test(file))
    .map((file) => ({ file, text: readFileSync(join('src', file), 'utf8') }))
    .filter(({ text }) => bare.test(text));

  test('are only the dev-server check', () => {
    expect(modules.map(({ file }) => file)).toEqual([join('lib', 'dev-server.ts')]);
  });

  test('name no environment variable the build sets, nor any with an underscore (a shell sets `_`)', () => {
    for (const { text } of modules) {
      expect(text).not.toMatch(/BROADSHEET|NODE|GITHUB|_/);
    }
  });
});
