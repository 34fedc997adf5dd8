import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainArticle } from '../support/bad-input-newsroom.ts';
import type { Mistake } from '../support/bad-input-newsroom.ts';
import { fixturePhotos } from '../support/photos.ts';

/** The editor mistakes of tests/site/bad-input.test.ts, each with the diagnostics it must produce. */

/** A diagnostic the build must print: where, what and how to fix it. */
export interface Expected {
  /** The file, relative to the content folder. */
  file: string;
  /** The line: 1, or the first line of the file that holds this text. */
  at: 1 | string;
  /** The field the message must name, where there is one. */
  field?: string;
  /** Picks the diagnostic out among others on that line. */
  problem: RegExp;
  /** Words telling the editor what to do. */
  fix: RegExp;
}

/** One editor mistake and what the build must say about it. */
export interface BadCase {
  name: string;
  mistake: Mistake;
  /** Given the content folder relative to the repository (as the build prints paths). */
  expected: (folder: string) => Expected[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const halfJpeg = (() => {
  const bytes = readFileSync(join(fixturePhotos, 'sunset.jpg'));
  return bytes.subarray(0, Math.floor(bytes.length / 2));
})();

/** One case per mistake an editor can make. */
export const badInputCases: BadCase[] = [
  {
    name: 'missing-headline',
    mistake: { x: { title: undefined } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 1,
        field: 'the headline',
        problem: /the headline: needs a headline/,
        fix: /needs a/,
      },
    ],
  },
  {
    name: 'date-without-offset',
    mistake: { x: { publishedAt: 'publishedAt: "2026-01-05T09:00:00"' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'publishedAt:',
        field: 'the publication date (publishedAt)',
        problem: /"2026-01-05T09:00:00" has no UTC offset/,
        // Any offset: the example should be that of the site's timezone, whatever src/site.config.ts sets.
        fix: /add one, e\.g\. "2026-01-05T09:00:00[+-]\d\d:\d\d"/,
      },
    ],
  },
  {
    name: 'impossible-date',
    mistake: { x: { publishedAt: 'publishedAt: "2026-02-30T09:00:00+08:00"' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'publishedAt:',
        field: 'the publication date (publishedAt)',
        problem: /"2026-02-30T09:00:00\+08:00" is not a date that exists/,
        fix: /check the day and month/,
      },
    ],
  },
  {
    name: 'unknown-author',
    mistake: { x: { authors: 'authors: [no-such-author]' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'authors:',
        field: 'the first author',
        problem: /"no-such-author" is not in content\/authors\//,
        fix: /use one of avery-fixture, or create `content\/authors\/no-such-author\.yaml` with `name: No Such Author` \/ `role: \.\.\.` \/ `bio: \.\.\.` {2}schema$/,
      },
    ],
  },
  {
    name: 'unknown-section',
    mistake: { x: { section: 'section: sport' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'section:',
        field: 'the section',
        problem: /"sport" is not in content\/sections\//,
        fix: /use one of business, news, or create `content\/sections\/sport\.yaml` with `name: Sport` \/ `description: \.\.\.` {2}schema$/,
      },
    ],
  },
  {
    name: 'unknown-series',
    mistake: { x: { series: 'series:\n  id: no-such-series\n  part: 1' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'id: no-such-series',
        field: 'the series id',
        problem: /"no-such-series" is not in content\/series\//,
        fix: /use one of fixture-series/,
      },
    ],
  },
  {
    name: 'duplicate-slug',
    mistake: {
      x: { slug: 'slug: shared-slug' },
      files: { 'articles/y.md': plainArticle('Another fake headline', ['slug: shared-slug']) },
    },
    expected: (folder) =>
      [
        ['articles/x.md', 'articles/y.md'],
        ['articles/y.md', 'articles/x.md'],
      ].map(([file, other]) => ({
        file: file!,
        at: 'slug:',
        field: 'slug',
        problem: new RegExp(`the slug "shared-slug" is also used by ${escape(`${folder}/${other!}`)}`),
        fix: /give one of them another `slug:` or file name/,
      })),
  },
  {
    name: 'redirect-from-an-article',
    mistake: { x: { redirectFrom: 'redirectFrom: [part-one]' } },
    expected: (folder) => [
      {
        file: 'articles/x.md',
        at: 'redirectFrom:',
        problem: new RegExp(
          `/articles/part-one/ is the address of ${escape(`${folder}/articles/part-one.md`)}`,
        ),
        fix: /remove it from redirectFrom here/,
      },
    ],
  },
  {
    name: 'removed-but-published',
    mistake: {
      files: {
        'removed.yaml':
          '# Stories taken down\n- path: /articles/part-one/\n  date: "2026-01-10T09:00:00+08:00"\n  reason: Removed for a test.\n',
      },
    },
    expected: (folder) => [
      {
        file: 'removed.yaml',
        at: 'path:',
        problem: new RegExp(
          `/articles/part-one/ is the address of ${escape(`${folder}/articles/part-one.md`)}, which is published`,
        ),
        fix: /delete that file \(or set draft: true in it\)/,
      },
    ],
  },
  {
    name: 'duplicate-permalink',
    mistake: {
      files: {
        'articles/a/index.md': plainArticle('A fake story in a folder'),
        'articles/a.md': plainArticle('A fake story in a file'),
      },
    },
    expected: (folder) =>
      [
        ['articles/a.md', 'articles/a/index.md'],
        ['articles/a/index.md', 'articles/a.md'],
      ].map(([file, other]) => ({
        file: file!,
        at: 1 as const,
        problem: new RegExp(`"a" \\(from the file name\\) is also used by ${escape(`${folder}/${other!}`)}`),
        fix: /give one of them another `slug:` or file name/,
      })),
  },
  {
    name: 'missing-hero',
    mistake: {
      x: { hero: 'hero:\n  src: ./no-such-photo.jpg\n  alt: A fake photo\n  credit: Fixture Agency' },
    },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'src: ./no-such-photo.jpg',
        field: 'the hero photo’s file',
        problem: /photo "\.\/no-such-photo\.jpg" does not exist/,
        fix: /check the file name {2}schema$/,
      },
    ],
  },
  {
    name: 'misspelt-hero',
    mistake: { x: { hero: 'hero:\n  src: ./x-heor.jpg\n  alt: A fake photo\n  credit: Fixture Agency' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'src: ./x-heor.jpg',
        field: 'the hero photo’s file',
        problem: /photo "\.\/x-heor\.jpg" does not exist/,
        fix: /check the file name\. Did you mean "\.\/x-hero\.jpg"\? {2}schema$/,
      },
    ],
  },
  {
    name: 'corrupt-hero',
    mistake: { files: { 'articles/x-hero.jpg': halfJpeg } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'src: ./x-hero.jpg',
        problem: /photo "\.\/x-hero\.jpg" is corrupt or truncated/,
        fix: /export it again/,
      },
    ],
  },
  {
    name: 'missing-body-photo',
    mistake: { body: ['![A synthetic photo that was never saved](./nope.jpg "Credit: Fixture Photos")'] },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '](./nope.jpg',
        problem: /photo "\.\/nope\.jpg" does not exist/,
        fix: /check the file name/,
      },
    ],
  },
  {
    name: 'misspelt-body-photo',
    mistake: { body: ['![A synthetic grey rectangle](./x-hero.jpeg "Credit: Fixture Photos")'] },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '](./x-hero.jpeg',
        problem: /photo "\.\/x-hero\.jpeg" does not exist/,
        fix: /Did you mean "\.\/x-hero\.jpg"\? {2}body-photo$/,
      },
    ],
  },
  {
    name: 'body-photo-without-alt',
    mistake: { body: ['![](./x-hero.jpg "A grey rectangle. Credit: Fixture Photos")'] },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '![](./x-hero.jpg',
        problem: /this photo has no alt text/,
        fix: /describe what it shows/,
      },
    ],
  },
  {
    name: 'broken-link',
    mistake: { body: ['Read the [earlier fake story](/articles/no-such-story/) as well.'] },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '(/articles/no-such-story/)',
        problem: /the link to \/articles\/no-such-story\/ goes nowhere/,
        fix: /\b(check|correct|change|fix|remove|use)\b/i,
      },
    ],
  },
  {
    name: 'link-to-draft',
    mistake: {
      body: ['Read the [unfinished fake story](/articles/draft-story/) as well.'],
      files: { 'articles/draft-story.md': plainArticle('A fake draft', ['draft: true']) },
    },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '(/articles/draft-story/)',
        problem: /the link to \/articles\/draft-story\/ points at a draft/,
        fix: /\b(remove|publish|wait|until|link to another)\b/i,
      },
    ],
  },
  {
    name: 'embed-from-unknown-host',
    mistake: { body: ['<iframe src="https://evil.example/player" title="A fake video"></iframe>'] },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '<iframe',
        problem: /the embed from evil\.example is not allowed/,
        fix: /embedHosts in src\/site\.config\.ts/,
      },
    ],
  },
  {
    name: 'unclosed-html-comment',
    mistake: { body: ['<!-- desk: check the figure with the agency', 'This paragraph would vanish.'] },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '<!-- desk',
        problem: /this HTML comment is never closed/,
        fix: /close it with -->|remove/,
      },
    ],
  },
  {
    name: 'malformed-number',
    mistake: { body: ['The fake council ordered 814,9f00 synthetic bricks.'] },
    expected: () => [
      {
        file: 'articles/x.md',
        at: '814,9f00',
        field: 'body',
        problem: /"814,9f00" is not a well-formed number/,
        fix: /check the digits and commas.*`allow: \["814,9f00"\]`/,
      },
    ],
  },
  {
    name: 'placeholder-standfirst',
    mistake: { x: { standfirst: 'standfirst: "TODO: one or two sentences under the headline"' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'standfirst:',
        field: 'standfirst',
        problem: /"TODO" is a placeholder/,
        fix: /write the real text.*`allow: \["TODO"\]`/,
      },
    ],
  },
  {
    name: 'correction-without-update',
    mistake: {
      x: {
        corrections:
          'corrections:\n  - date: "2026-01-09T18:00:00+08:00"\n    text: An earlier version gave a fake figure.',
      },
    },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'date: "2026-01-09',
        field: 'updatedAt',
        problem: /has a correction \(dated 2026-01-09T18:00:00\+08:00\) but no updatedAt/,
        fix: /add the line `updatedAt: "2026-01-09T18:00:00\+08:00"`/,
      },
    ],
  },
  {
    name: 'series-part-twice',
    mistake: { x: { series: 'series:\n  id: fixture-series\n  part: 1' } },
    expected: (folder) =>
      [
        ['articles/part-one.md', 'articles/x.md'],
        ['articles/x.md', 'articles/part-one.md'],
      ].map(([file, other]) => ({
        file: file!,
        at: 'part: 1',
        problem: new RegExp(`part 1 of series "fixture-series" is also ${escape(`${folder}/${other!}`)}`),
        fix: /give each part its own number/,
      })),
  },
  {
    name: 'empty-file',
    mistake: { files: { 'articles/empty.md': '' } },
    expected: () => [{ file: 'articles/empty.md', at: 1, problem: /the file is empty/, fix: /start a new/ }],
  },
  {
    name: 'unreadable-file',
    mistake: { files: { 'articles/unreadable.md': { directory: true } } },
    expected: () => [
      {
        file: 'articles/unreadable.md',
        at: 1,
        problem: /is a folder, not a Markdown file/,
        fix: /rename it/,
      },
    ],
  },
  {
    name: 'headline-with-colon',
    mistake: { x: { title: 'title: Breaking: fire at the fake port' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'title:',
        problem: /put the headline in quotes/,
        fix: /`title: "Breaking: fire at the fake port"` {2}yaml-syntax$/,
      },
    ],
  },
  {
    // The quote of the next fields' values seems to close it: YAML gives up lines later.
    name: 'unclosed-quote',
    mistake: { x: { standfirst: 'standfirst: "A fake standfirst with an unclosed quote' } },
    expected: () => [
      {
        file: 'articles/x.md',
        at: 'standfirst:',
        problem: /the quote that opens here is never closed/,
        fix: /add the closing " at the end of the line: `standfirst: "A fake standfirst with an unclosed quote"` {2}yaml-syntax$/,
      },
    ],
  },
  {
    name: 'section-without-parent',
    mistake: { files: { 'sections/culture/books.yaml': 'name: Books\ndescription: Synthetic books.\n' } },
    expected: () => [
      {
        file: 'sections/culture/books.yaml',
        at: 1,
        problem: /has no parent section/,
        fix: /add sections\/culture\.yaml/,
      },
    ],
  },
];
