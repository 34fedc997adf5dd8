import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { replacedOutput } from '../../src/lib/build-cache.ts';
import { writeNewsroom } from '../support/bad-input-newsroom.ts';
import { buildSite, outputRoot, projectCopy } from '../support/build-site.ts';
import { filesIn } from '../support/dist.ts';

/**
 * A build refused at its very end (here by the address check: a story deleted without a redirect or
 * a takedown) publishes nothing. The output it assembled, in the one the last build replaced, stays
 * beside dist/ for the next build: deleting it made the refusal wait (22 s at 100,000 articles) and
 * the next build link every unchanged page into an empty folder again.
 */
const dir = join(outputRoot, 'refused-build');
const dist = join(dir, 'dist');
const site = { content: dir, dist, now: '2026-01-15T12:00:00+08:00' };
const story = join(dir, 'articles/x.md');
const inode = (file: string) => (existsSync(file) ? statSync(file).ino : undefined);
/** Every file of an output, with its bytes. */
const snapshot = (folder: string) =>
  new Map(filesIn(folder).map((file) => [file, readFileSync(join(folder, file))]));

let published: Map<string, Buffer>;
let refusal: { status: number; output: string };
let afterRefusal: Map<string, Buffer>;
/** Right after the refusal: whether the replaced output is there, and how many of its files are the published ones. */
let leftForNext: { exists: boolean; linksToPublished: number };
let next: { status: number; output: string };
beforeAll(async () => {
  const project = projectCopy('refused-build');
  await writeNewsroom(dir);
  const edited = `${readFileSync(story, 'utf8')}\nA synthetic sentence added by the second build.\n`;
  const first = await buildSite(site, project, {}, { incremental: true });
  expect(first.status, first.output).toBe(0);
  // A second build, after which the first one's output waits beside dist/ as the replaced output.
  writeFileSync(story, edited);
  const second = await buildSite(site, project, {}, { incremental: true });
  expect(second.status, second.output).toBe(0);
  published = snapshot(dist);
  rmSync(story);
  refusal = await buildSite(site, project, {}, { incremental: true });
  afterRefusal = snapshot(dist);
  const previous = replacedOutput(dist);
  leftForNext = {
    exists: existsSync(previous),
    // The pages the refused build kept are links to the published files, as the next build needs.
    linksToPublished: existsSync(previous)
      ? filesIn(previous).filter((file) => statSync(join(previous, file)).ino === inode(join(dist, file)))
          .length
      : 0,
  };
  writeFileSync(story, edited);
  next = await buildSite(site, project, {}, { incremental: true });
}, 180_000);

describe('a build refused by the address check', () => {
  test('names the lost address and publishes nothing', () => {
    expect(refusal.status, refusal.output).not.toBe(0);
    expect(refusal.output).toContain('/articles/x/');
    expect(refusal.output).toContain('Nothing was published');
    expect(afterRefusal).toEqual(published);
  });

  test('leaves the output it assembled beside dist/ for the next build, its unchanged pages the published files', () => {
    expect(leftForNext.exists).toBe(true);
    expect(leftForNext.linksToPublished).toBeGreaterThan(0);
  });

  test('the next build, the story back, publishes the same site as before the refusal, byte for byte', () => {
    expect(next.status, next.output).toBe(0);
    const now = snapshot(dist);
    expect([...now.keys()]).toEqual([...published.keys()]);
    for (const [file, bytes] of published) expect(now.get(file), file).toEqual(bytes);
  });
});
