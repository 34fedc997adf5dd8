import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';
import { partitionedSite, sideBySideSite } from '../support/sites.ts';

/**
 * A partitioned archive built on several machines, as the CI matrix builds it (README, "Publishing
 * a large archive"), publishes exactly what one full build publishes, byte for byte. The same
 * equality for partitions built one after another on one machine is tested after each newsroom
 * event in tests/site/incremental.test.ts.
 */

function hashes(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .map(
        (file) =>
          [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')] as const,
      )
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

test('--plan names the partitions other machines build: all but the newest', () => {
  expect(readFileSync(partitionedSite.plan, 'utf8')).toContain('["upto-2025"]');
});

test('the merged site equals a full build of the same content, byte for byte', () => {
  const merged = hashes(partitionedSite.dist);
  expect(merged.size).toBeGreaterThan(100);
  expect([...merged.keys()].filter((file) => file.startsWith('articles/')).length).toBeGreaterThan(20);
  expect(merged).toEqual(hashes(partitionedSite.full));
});

test('the sitemap of the merged site lists the pages of both partitions', () => {
  const sitemap = readFileSync(join(partitionedSite.dist, 'sitemap-0.xml'), 'utf8');
  // An article of 2025 (the older partition, built on another machine) and one of 2026.
  expect(sitemap).toContain('/articles/generated-story-020/');
  expect(sitemap).toContain('/articles/generated-story-001/');
});

// Its newest partition's sync renders every published body, the cache being empty: the content
// check, after it, parses only the bodies nobody rendered (src/lib/lint/body-facts.ts).
test('the merging build checks each body its renderer parsed on what the renderer found in it', () => {
  const log = stripVTControlCharacters(readFileSync(partitionedSite.mergeLog, 'utf8'));
  const [, checked, rendered] =
    /Content check: (\d+) articles checked, (\d+) of them on what the renderer/.exec(log) ?? [];
  const published = Number(/✓ Published (\d+) articles/.exec(log)?.[1]);
  expect(published).toBeGreaterThan(0);
  expect(Number(rendered)).toBe(published);
  // The draft and the embargoed story, which no sync renders, are parsed by the check.
  expect(Number(checked)).toBe(published + 2);
});

test('the merge consumes the partitions it was given', () => {
  expect(existsSync(join(partitionedSite.parts, 'upto-2025'))).toBe(false);
});

describe('an operator’s mistake is refused, saying what to do, and nothing is published', () => {
  const refusals = () =>
    JSON.parse(readFileSync(partitionedSite.refusals, 'utf8')) as {
      args: string[];
      status: number;
      output: string;
    }[];
  const refused = (option: string) => refusals().find(({ args }) => args[0] === option)!;

  test('--partition with the newest partition, which only the merging build builds', () => {
    const { status, output } = refused('--partition');
    expect(status).toBe(1);
    expect(output).toContain(
      "There is no partition from-2026 to build on its own: the archive's are upto-2025; the newest is built with --partitions-from.",
    );
    expect(output).toContain('Nothing was published');
  });

  test('--partitions-from a folder without a partition the plan needs', () => {
    const { status, output } = refused('--partitions-from');
    expect(status).toBe(1);
    expect(output).toMatch(
      /Partition upto-2025 is not in .*no-partitions-here: build it with npm run build -- --partition upto-2025 --outDir /,
    );
  });
});

describe('older partitions built side by side on one machine', () => {
  // Astro colours its log when the environment asks for colour (FORCE_COLOR, as on CI).
  const log = stripVTControlCharacters(readFileSync(sideBySideSite.log, 'utf8')).split('\n');
  const started = log.flatMap((line, index) =>
    /^Building partition (upto-2023|2024-2024|2025-2025) /.test(line) ? [index] : [],
  );

  test('publish exactly what one full build publishes, byte for byte', () => {
    const merged = hashes(sideBySideSite.dist);
    expect([...merged.keys()]).toContain('articles/generated-story-of-2023/index.html');
    expect(merged).toEqual(hashes(sideBySideSite.full));
  });

  test('the newest partition is started as the last build planned it, and again when it has split', () => {
    expect(log).toContain('The newest partition is now from-2026, not from-2025 as at the last build.');
    expect(started).toHaveLength(3);
  });

  // The newest partition's build reads every photo of the store, and the older ones take them from
  // its record (docs/architecture.md, "Scale: partitions"), with --force too, which this build is:
  // each older partition read every photo again, 40–48 s of each one's bundle at 100,000 articles.
  test('the older partitions take the photos the newest has just read, with --force too', () => {
    const photos = log.filter((line) => line.includes("Articles' photos: "));
    expect(photos).toHaveLength(4);
    expect(photos[0]).toMatch(/Articles' photos: [1-9]\d* read/);
    for (const older of photos.slice(1)) expect(older).toMatch(/Articles' photos: 0 read, [1-9]\d* taken/);
  });

  test('build two at a time with --jobs 2: the second starts before the first is done', () => {
    expect(started).toHaveLength(3);
    const firstDone = log.findIndex(
      (line, index) => index > started[0]! && line.includes('[build] Complete!'),
    );
    expect(firstDone).toBeGreaterThan(started[1]!);
  });
});
