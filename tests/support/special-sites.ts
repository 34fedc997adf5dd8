import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { frontmatter, newsDesk, write, writeFiles } from './content-files.ts';
import { fixtureIds, leakMarkers } from './fixture-site.ts';
import { hostile } from './hostile.ts';
import { uniquePhoto } from './photos.ts';

/**
 * The tiny newsrooms that each prove one promise: an edited article keeps its permalink and guid,
 * publish gating holds to the second and whatever the machine's timezone, hostile text is escaped,
 * and a newsroom before its first article still builds.
 */

/** The frozen copy of the seed newsroom (its one article is the archived seed article). */
export const seedNewsroom = join('tests', 'fixtures', 'seed-newsroom');

/** The article the edit pair changes between its two builds. */
export const editedId = 'story-that-gets-corrected';

/**
 * Two versions of a tiny newsroom: in `after`, one article's headline and section are changed and a
 * correction is added, as an editor would when correcting it. Used to prove permalinks and feed guids
 * survive the edit.
 */
export function writeEditPair(before: string, after: string): void {
  for (const [dir, edited] of [
    [before, false],
    [after, true],
  ] as const) {
    rmSync(dir, { recursive: true, force: true });
    writeFiles(dir, {
      ...newsDesk,
      'sections/business.yaml': 'name: Business\ndescription: Synthetic business.\n',
    });
    for (const [index, id] of ['story-one', editedId, 'story-three'].entries()) {
      const changed = edited && id === editedId;
      write(
        join(dir, 'articles', `${id}.md`),
        frontmatter({
          title: changed ? 'Corrected synthetic headline' : `Synthetic headline ${index + 1}`,
          standfirst: 'A synthetic standfirst.',
          section: changed ? 'business' : 'news',
          authors: ['avery-fixture'],
          publishedAt: `2026-01-0${index + 1}T09:00:00+08:00`,
          ...(changed
            ? {
                updatedAt: '2026-01-14T09:00:00+08:00',
                corrections: [{ date: '2026-01-14T09:00:00+08:00', text: 'The headline was corrected.' }],
              }
            : {}),
        }) + 'Synthetic body.\n',
      );
    }
  }
}

/** When the gating site's embargoed article may be published. */
export const gatingEmbargo = '2026-01-20T09:00:00+08:00';

/**
 * A tiny newsroom for publish-gating and timezone builds: one published article, one draft and one
 * article embargoed until `gatingEmbargo`, the unpublished ones carrying the leak markers in their
 * headline, standfirst, body, slug, tags and photo file name; and the hostile-strings article.
 */
export async function writeGatingSite(dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  writeFiles(dir, {
    ...newsDesk,
    'authors/mallory.yaml': `name: ${JSON.stringify(hostile.author)}\nrole: Synthetic\nbio: ${JSON.stringify(hostile.standfirst)}\n`,
  });
  write(join(dir, 'articles', hostile.id, 'photo.jpg'), await uniquePhoto(hostile.id));
  write(
    join(dir, 'articles', hostile.id, 'index.md'),
    frontmatter({
      title: hostile.title,
      standfirst: hostile.standfirst,
      section: 'news',
      authors: ['mallory'],
      tags: [hostile.tag],
      publishedAt: '2026-01-03T09:00:00+08:00',
      updatedAt: '2026-01-04T09:00:00+08:00',
      editorsNote: hostile.note,
      hero: { src: './photo.jpg', alt: hostile.alt, caption: hostile.caption, credit: hostile.credit },
      corrections: [{ date: '2026-01-04T09:00:00+08:00', text: hostile.correction }],
    }) + `${hostile.body}\n`,
  );
  const articles = [
    ['published-story', 'Published synthetic story', 'plain', { publishedAt: '2026-01-02T09:00:00+08:00' }],
    [
      fixtureIds.draft,
      `Unpublished ${leakMarkers.draft} headline`,
      leakMarkers.draft,
      { draft: true, publishedAt: '2026-01-01T09:00:00+08:00' },
    ],
    [
      fixtureIds.embargoed,
      `Unpublished ${leakMarkers.embargo} headline`,
      leakMarkers.embargo,
      { publishedAt: gatingEmbargo },
    ],
  ] as const;
  for (const [id, title, marker, extra] of articles) {
    write(join(dir, 'articles', id, `${marker}-photo.jpg`), await uniquePhoto(marker));
    write(
      join(dir, 'articles', id, 'index.md'),
      frontmatter({
        title,
        standfirst: `Standfirst with ${marker}.`,
        section: 'news',
        authors: ['avery-fixture'],
        tags: [`${marker}-tag`],
        hero: { src: `./${marker}-photo.jpg`, alt: `Photo ${marker}`, credit: 'Synthetic' },
        ...extra,
      }) + `Body text with ${marker} in it.\n`,
    );
  }
}

/**
 * A newsroom before its first article: the sections, authors, series and pages of the frozen seed
 * newsroom, and an empty articles/ folder.
 */
export function writeEmptySite(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  cpSync(seedNewsroom, dir, { recursive: true, filter: (source) => !source.includes('/articles/') });
  mkdirSync(join(dir, 'articles'), { recursive: true });
}

/** What an editor has done to the rename site before a build (see writeRenameSite). */
export type RenameStage = 'before' | 'after' | 'forgotten';

/** The rename site's articles, and what happens to them. */
export const renameIds = {
  kept: 'story-that-stays',
  moved: 'story-that-moves',
  renamed: 'story-with-a-new-address',
  removed: 'story-taken-down',
};

/** The old address from an older system that the moved story also answers for. */
export const legacyPath = '/2019/05/story-that-moves.html';

/** The reason readers are given at the removed story's address. */
export const removalReason = 'This synthetic story was removed for a test.';

/**
 * A tiny newsroom whose editors rename one story's address and take another down. `before`: three
 * published stories. `after`: one has a new slug with its old address (and a legacy path) in
 * `redirectFrom:`, another is deleted and listed in content/removed.yaml. `forgotten`: the same,
 * but the renamed story does not list its old addresses.
 */
export function writeRenameSite(dir: string, stage: RenameStage): void {
  rmSync(dir, { recursive: true, force: true });
  writeFiles(dir, newsDesk);
  const story = (title: string, day: number, extra: Record<string, unknown> = {}) =>
    frontmatter({
      title,
      standfirst: 'A synthetic standfirst.',
      section: 'news',
      authors: ['avery-fixture'],
      publishedAt: `2026-01-0${day}T09:00:00+08:00`,
      ...extra,
    }) + 'Synthetic body.\n';
  write(join(dir, 'articles', `${renameIds.kept}.md`), story('A synthetic story that stays', 1));
  const renamed = { slug: renameIds.renamed };
  write(
    join(dir, 'articles', `${renameIds.moved}.md`),
    story(
      'A synthetic story that moves',
      2,
      stage === 'before'
        ? {}
        : stage === 'after'
          ? { ...renamed, redirectFrom: [renameIds.moved, legacyPath] }
          : renamed,
    ),
  );
  if (stage === 'before') {
    write(join(dir, 'articles', `${renameIds.removed}.md`), story('A synthetic story taken down', 3));
  } else {
    write(
      join(dir, 'removed.yaml'),
      `- path: /articles/${renameIds.removed}/\n  date: "2026-01-10T09:00:00+08:00"\n  reason: ${removalReason}\n`,
    );
  }
}
