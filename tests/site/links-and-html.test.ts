import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, inject, test } from 'vitest';
import { filesIn, readText } from '../support/dist';
import { fixtureSite, newsroomSite, randomSite, seedSite } from '../support/sites';

const sites = {
  fixture: fixtureSite.dist,
  "newsroom's own content/": newsroomSite(inject('newsroomNow')).dist,
  'frozen seed': seedSite.dist,
  'random-content': randomSite.dist,
};

/** Root-relative URLs a page links to or loads: href, src and every srcset candidate. */
function localUrls(html: string): string[] {
  const $ = load(html);
  const urls = [
    ...$('[href]')
      .toArray()
      .map((element) => $(element).attr('href') ?? ''),
    ...$('[src]')
      .toArray()
      .map((element) => $(element).attr('src') ?? ''),
    ...$('[srcset]')
      .toArray()
      .flatMap((element) =>
        ($(element).attr('srcset') ?? '')
          .split(',')
          .map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''),
      ),
  ];
  return urls
    .filter((url) => url.startsWith('/') && !url.startsWith('//'))
    .map((url) => url.split(/[?#]/)[0] ?? url);
}

describe.each(Object.entries(sites))('the %s site', (_, dist) => {
  const pages = filesIn(dist).filter((file) => file.endsWith('.html'));

  test('every internal link and image resolves to a built file', () => {
    const broken = pages.flatMap((file) =>
      localUrls(readText(dist, file))
        .filter((url) => !existsSync(join(dist, url.endsWith('/') ? `${url}index.html` : url)))
        .map((url) => `${file} → ${url}`),
    );
    expect(pages.length).toBeGreaterThan(5);
    expect([...new Set(broken)]).toEqual([]);
  });

  test('every page is valid HTML according to the W3C Nu checker', () => {
    const jar = join('node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
    let report = '';
    try {
      execFileSync(
        'java',
        ['-jar', jar, '--errors-only', '--format', 'text', ...pages.map((file) => join(dist, file))],
        {
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      report = `${stdout}${stderr}`.trim() || String(error);
    }
    expect(report).toBe('');
  });
});
