import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { assetReferences, assetsInFile } from '../../src/lib/assets.ts';

describe('assetReferences', () => {
  test.each([
    { where: 'an HTML attribute', text: '<img src="/_astro/a.X_1.jpg" alt="">', names: ['a.X_1.jpg'] },
    {
      where: 'a srcset',
      text: '<source srcset="/_astro/a_1.avif 480w, /_astro/a_2.avif 800w">',
      names: ['a_1.avif', 'a_2.avif'],
    },
    { where: 'CSS', text: 'background:url(/_astro/b.png)', names: ['b.png'] },
    {
      where: 'HTML escaped in RSS',
      text: '&lt;img src=&quot;https://x.example/_astro/agency.Z_2x.jpeg&quot; alt=&quot;&quot;&gt;',
      names: ['agency.Z_2x.jpeg'],
    },
    {
      where: 'HTML inside a JSON string',
      text: '"<figure><img src=\\"https://x.example/_astro/agency.Z_2x.jpeg\\" alt=\\"\\">"',
      names: ['agency.Z_2x.jpeg'],
    },
    { where: 'a percent-encoded URL', text: '<img src="/_astro/caf%C3%A9_1.jpg">', names: ['café_1.jpg'] },
    { where: 'a URL with a query', text: '<img src="/_astro/c.jpg?v=1#x">', names: ['c.jpg'] },
    { where: 'a name in another script', text: '<img src="/_astro/日本_1.jpg">', names: ['日本_1.jpg'] },
    { where: 'a name that ends the file', text: 'url(/_astro/d.png', names: ['d.png'] },
    {
      where: 'text where a non-breaking or thin space ends the URL',
      text: 'see /_astro/e.png\u00a0and /_astro/f.png\u2009now',
      names: ['e.png', 'f.png'],
    },
    { where: 'a bare folder and a stray percent', text: '/_astro/ /_astro/%E0%A4x.png', names: [] },
  ])('finds the files named in $where', ({ text, names }) => {
    expect([...assetReferences(Buffer.from(text))]).toEqual(names);
  });
});

describe('assetsInFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'assets-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  test('names each file a built page refers to once, in the order they come', () => {
    const page = file(
      'page.html',
      '<img src="/_astro/b.jpg"><img src="/_astro/a.jpg"><a href="/_astro/b.jpg">',
    );
    expect(assetsInFile(page)).toEqual(['b.jpg', 'a.jpg']);
  });

  // The files are read into one buffer, reused: a page must not see what a longer one left in it.
  test('reads each file alone, whatever was read before it', () => {
    const long = file('long.html', `${'<p>text</p>'.repeat(40_000)}<img src="/_astro/long.jpg">`);
    const short = file('short.html', '<img src="/_astro/short.jpg">');
    expect(assetsInFile(long)).toEqual(['long.jpg']);
    expect(assetsInFile(short)).toEqual(['short.jpg']);
    expect(assetsInFile(file('none.html', ''))).toEqual([]);
  });
});
