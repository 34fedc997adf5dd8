import { join } from 'node:path';
import { ESLint } from 'eslint';
import { getFileInfo } from 'prettier';
import { describe, expect, test } from 'vitest';
import { discardedOutput, replacedOutput, stagingFolder } from '../../src/lib/build-cache.ts';
import { searchPagesFolder, setAsideSearchFolder } from '../../src/lib/search-index.ts';

const root = join(import.meta.dirname, '../..');
const dist = join(root, 'dist');

// The README's quick start is `npm run build`, then `npm test`, which lints the project: the folders
// a build leaves beside dist/ hold Pagefind's and Decap's scripts, which are not ours to lint.
describe('the linters of the code', () => {
  const beside = [
    stagingFolder(dist),
    `${stagingFolder(dist)}.partitions`,
    replacedOutput(dist),
    discardedOutput(dist),
    searchPagesFolder(dist),
    setAsideSearchFolder(dist),
  ];
  const scripts = beside.map((folder) => join(folder, 'pagefind/pagefind.js'));

  test('ESLint leaves alone every folder a build writes beside dist/, as git does', async () => {
    const eslint = new ESLint({ cwd: root });
    for (const file of scripts)
      expect({ file, ignored: await eslint.isPathIgnored(file) }).toEqual({ file, ignored: true });
    expect(await eslint.isPathIgnored(join(root, 'src/lib/links.ts'))).toBe(false);
  });

  test('Prettier does too', async () => {
    const ignorePath = [join(root, '.gitignore'), join(root, '.prettierignore')];
    for (const file of scripts) {
      expect({ file, ignored: (await getFileInfo(file, { ignorePath })).ignored }).toEqual({
        file,
        ignored: true,
      });
    }
  });
});
