import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, test } from 'vitest';
import {
  bodiesDir,
  bodyKey,
  pruneBodies,
  readBody,
  rendererDigest,
  rendererFiles,
  storedBodies,
  writeBody,
} from '../../src/lib/bodies.ts';
import { inlineRenderer } from '../../src/markdown/render.ts';
import { renderPool, storing } from '../../src/markdown/render-pool.ts';

const root = mkdtempSync(join(tmpdir(), 'broadsheet-bodies-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the body store', () => {
  const dir = bodiesDir(join(root, 'cache'));

  test('a written body is read back by its key, and nothing else is left beside it', () => {
    writeBody(dir, 'abc123', '<p>One</p>');
    expect(storedBodies(dir)).toEqual(new Set(['abc123']));
    expect(readBody(dir, 'abc123')).toBe('<p>One</p>');
    expect(readdirSync(dir)).toEqual(['abc123.html']);
  });

  test('a body that was never written is not there, and reading it fails', () => {
    expect(storedBodies(dir).has('missing')).toBe(false);
    expect(storedBodies(join(root, 'no cache yet'))).toEqual(new Set());
    expect(() => readBody(dir, 'missing')).toThrow(/ENOENT/);
  });

  test('the same body written twice is stored once, whole', () => {
    writeBody(dir, 'twice', '<p>Same</p>');
    writeBody(dir, 'twice', '<p>Same</p>');
    expect(readBody(dir, 'twice')).toBe('<p>Same</p>');
    expect(readdirSync(dir).filter((file) => file.startsWith('twice'))).toEqual(['twice.html']);
  });

  test('a key that is not a digest is refused instead of naming a path', () => {
    expect(() => {
      writeBody(dir, '../escape', 'x');
    }).toThrow('Not a body digest: ../escape');
    expect(existsSync(join(root, 'escape.html'))).toBe(false);
  });

  test('pruning keeps the bodies still in the content store and removes the rest, leftovers too', () => {
    writeBody(dir, 'keep', 'k');
    writeBody(dir, 'gone', 'g');
    writeFileSync(join(dir, 'keep.html.123.partial'), 'half');
    expect(pruneBodies(dir, new Set(['keep', 'abc123']))).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['abc123.html', 'keep.html']);
  });

  test('pruning a store that was never written removes nothing', () => {
    expect(pruneBodies(join(root, 'never'), new Set())).toBe(0);
  });
});

describe('rendering bodies on worker threads', () => {
  const options = { ...markdownConfigDefaults, syntaxHighlight: false as const };
  const sources = [
    'Plain "quoted" text -- with dashes...',
    '## A heading\n\n![A car](./car.jpg "Caption. Credit: AP")\n\n- one\n- two\n',
    '<p onclick="x()">Raw <b>HTML</b></p>\n\n[out](https://example.com)',
    Array.from({ length: 460 }, (_, index) => `word${index}`).join(' '),
  ];

  test('stores the HTML and gives the reading time of the same pipeline in this thread, whichever worker renders', async () => {
    const dir = bodiesDir(join(root, 'pool'));
    const inline = await inlineRenderer(options);
    const pool = renderPool(2, options, new URL(`file://${process.cwd()}/`));
    try {
      const fromPool = await Promise.all(
        sources.map((source, index) => pool.store(source, join(root, 'a.md'), { dir, key: `pool${index}` })),
      );
      const here = await Promise.all(sources.map((source) => inline(source, join(root, 'a.md'))));
      expect(fromPool).toEqual(here.map(({ readingMinutes, facts }) => ({ readingMinutes, facts })));
      expect(sources.map((_, index) => readBody(dir, `pool${index}`))).toEqual(here.map(({ html }) => html));
      expect(here[3]!.readingMinutes).toBe(2);
      expect(here[2]!.html).not.toContain('onclick');
    } finally {
      await pool.close();
    }
  });

  test('in this thread, stores as the pool does', async () => {
    const dir = bodiesDir(join(root, 'inline'));
    const inline = await inlineRenderer(options);
    const stored = await storing(inline)(sources[1]!, join(root, 'a.md'), { dir, key: 'here' });
    const { html, ...rest } = await inline(sources[1]!, join(root, 'a.md'));
    expect(stored).toEqual(rest);
    expect(readBody(dir, 'here')).toBe(html);
  });

  test('a pool that was closed refuses work at once instead of leaving it waiting', async () => {
    const pool = renderPool(1, options, new URL(`file://${process.cwd()}/`));
    await pool.close();
    await expect(pool.store('Text.', join(root, 'a.md'), { dir: root, key: 'closed' })).rejects.toThrow(
      `${join(root, 'a.md')}: the render threads were already stopped`,
    );
  });
});

describe('the key of a stored body', () => {
  const project = join(root, 'project');
  const write = (file: string, text: string) => {
    mkdirSync(join(project, file, '..'), { recursive: true });
    writeFileSync(join(project, file), text);
  };
  write('package-lock.json', '{"lockfileVersion": 3}');
  write('src/markdown/render.ts', "import { a } from './index';\nimport type { T } from '../lib/types';\n");
  write(
    'src/markdown/index.ts',
    "export { b } from './plugin';\nimport '../lib/side-effect';\nimport x from 'library';\n",
  );
  write(
    'src/markdown/plugin.ts',
    "// Not an import: from './missing'\nexport function b() {\n  // as read from './old-plugin'\n  return 1;\n}\nimport {\n  c, // the option's name\n} from './multi';\n/* import './commented' */\n",
  );
  write('src/markdown/multi.ts', 'export const c = 1;\n');
  write('src/lib/types.ts', 'export type T = 1;\n');
  write('src/lib/side-effect/index.ts', '');
  write('src/lib/unrelated.ts', 'export const c = 1;\n');

  test('covers the renderer, every module it imports, one from another, and the lockfile', () => {
    expect(rendererFiles(project).map((file) => file.slice(project.length + 1))).toEqual([
      'package-lock.json',
      'src/lib/side-effect/index.ts',
      'src/lib/types.ts',
      'src/markdown/index.ts',
      'src/markdown/multi.ts',
      'src/markdown/plugin.ts',
      'src/markdown/render.ts',
    ]);
  });

  test('changes with any of them, so a changed plugin renders every body again, and not with other code', () => {
    const before = rendererDigest(project);
    write('src/lib/unrelated.ts', 'export const c = 2;\n');
    expect(rendererDigest(project)).toBe(before);
    // The same files elsewhere (another checkout, a CI runner) give the same digest.
    const same = join(root, 'same');
    cpSync(project, same, { recursive: true });
    expect(rendererDigest(same)).toBe(before);
    for (const file of [
      'src/markdown/plugin.ts',
      'src/markdown/multi.ts',
      'src/lib/types.ts',
      'package-lock.json',
    ]) {
      const copy = join(root, 'changed');
      rmSync(copy, { recursive: true, force: true });
      cpSync(project, copy, { recursive: true });
      writeFileSync(join(copy, file), '// changed\n', { flag: 'a' });
      expect(rendererDigest(copy), file).not.toBe(before);
      expect(bodyKey('abc', rendererDigest(copy))).not.toBe(bodyKey('abc', before));
    }
  });

  test('names the module it cannot find, and the file that imports it', () => {
    write('src/markdown/plugin.ts', "export { d } from './gone';\n");
    expect(() => rendererFiles(project)).toThrow(
      `${join(project, 'src/markdown/plugin.ts')}: cannot find the module ./gone`,
    );
  });

  test("the project's own renderer takes in its plugins, their settings and the site's", () => {
    const files = rendererFiles(process.cwd()).map((file) => file.slice(process.cwd().length + 1));
    expect(files).toEqual(
      expect.arrayContaining([
        'src/markdown/smartypants.ts',
        'src/lib/typography.ts',
        'src/site.config.ts',
        'package-lock.json',
      ]),
    );
    expect(files).not.toContain('src/lib/article-loader.ts');
    expect(bodyKey('abc', rendererDigest(process.cwd()))).toMatch(/^abc-[\w-]{16}$/);
  });
});
