import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/lib/model.ts';
import { relatedArticles, relatedIndex, sectionNeighbours } from '../../src/lib/related.ts';
import { inNewsroomOrder, story } from './newsroom-fixture.ts';

/** The index as the newsroom builds it: articles newest first (ties by id), series in part order. */
function indexOf(articles: Article[]) {
  const sorted = inNewsroomOrder(articles);
  const bySeries = new Map<string, Article[]>();
  for (const each of sorted) {
    if (each.series)
      bySeries.set(each.series.series.id, [...(bySeries.get(each.series.series.id) ?? []), each]);
  }
  for (const parts of bySeries.values()) parts.sort((a, b) => a.series!.part - b.series!.part);
  return relatedIndex(sorted, bySeries);
}

const ids = (articles: (Article | undefined)[]) => articles.map((each) => each?.id);

describe('relatedArticles', () => {
  describe.each([
    {
      scenario: 'an article alone in its section with no tags has nothing related',
      articles: [story('subject', 'world', 10), story('elsewhere', 'business', 6, { tags: ['Harbour'] })],
      limit: 4,
      related: [],
    },
    {
      scenario: 'a shared tag counts more than the same section, and both more than either',
      articles: [
        story('subject', 'world', 10, { tags: ['Harbour'] }),
        story('section-only', 'world', 9),
        story('tag-only', 'business', 8, { tags: ['Harbour'] }),
        story('tag-and-section', 'world', 1, { tags: ['Harbour'] }),
        story('unrelated', 'business', 7, { tags: ['Orchard'] }),
      ],
      limit: 4,
      related: ['tag-and-section', 'tag-only', 'section-only'],
    },
    {
      scenario: 'more shared tags beat a nearer article with fewer',
      articles: [
        story('subject', 'world', 10, { tags: ['Harbour', 'Orchard'] }),
        story('one-tag', 'business', 9, { tags: ['Harbour'] }),
        story('two-tags', 'business', 1, { tags: ['Orchard', 'Harbour'] }),
      ],
      limit: 4,
      related: ['two-tags', 'one-tag'],
    },
    {
      scenario: 'equal scores go to the article nearer in time, then to the id',
      articles: [
        story('subject', 'world', 10, { tags: ['Harbour'] }),
        story('older', 'business', 2, { tags: ['Harbour'] }),
        story('same-time-b', 'business', 7, { tags: ['Harbour'] }),
        story('same-time-a', 'business', 7, { tags: ['Harbour'] }),
      ],
      limit: 4,
      related: ['same-time-a', 'same-time-b', 'older'],
    },
    {
      scenario: 'only articles published before it are related, however well a newer one matches',
      articles: [
        story('subject', 'world', 5, { tags: ['Harbour', 'Orchard'] }),
        story('newer-match', 'world', 9, { tags: ['Harbour', 'Orchard'] }),
        story('older-match', 'business', 1, { tags: ['Harbour'] }),
      ],
      limit: 4,
      related: ['older-match'],
    },
    {
      scenario: 'of articles published at the same moment, only those after it in id order are older',
      articles: [
        story('subject', 'world', 5, { tags: ['Harbour'] }),
        story('a-same-moment', 'world', 5, { tags: ['Harbour'] }),
        story('z-same-moment', 'world', 5, { tags: ['Harbour'] }),
      ],
      limit: 4,
      related: ['z-same-moment'],
    },
    {
      scenario: 'two spellings of one tag count once',
      articles: [
        story('subject', 'world', 10, { tags: ['Xiaomi', 'xiaomi', 'Harbour'] }),
        story('same-section-other-tag', 'world', 9, { tags: ['Harbour'] }),
        story('spelt-once', 'business', 1, { tags: ['XIAOMI'] }),
      ],
      limit: 4,
      related: ['same-section-other-tag', 'spelt-once'],
    },
    {
      scenario: 'the other parts of its series come first, in part order, newer ones too',
      articles: [
        story('subject', 'business/auto', 5, { tags: ['Harbour'], series: { id: 'xiaomi', part: 2 } }),
        story('part-one', 'world', 1, { series: { id: 'xiaomi', part: 1 } }),
        story('part-three', 'world', 8, { series: { id: 'xiaomi', part: 3 } }),
        story('close-match', 'business/auto', 4, { tags: ['Harbour'] }),
      ],
      limit: 4,
      related: ['part-one', 'part-three', 'close-match'],
    },
    {
      scenario: 'a series part that also shares tags is listed once',
      articles: [
        story('subject', 'business/auto', 9, { tags: ['Harbour'], series: { id: 'xiaomi', part: 2 } }),
        story('part-one', 'business/auto', 5, { tags: ['Harbour'], series: { id: 'xiaomi', part: 1 } }),
      ],
      limit: 4,
      related: ['part-one'],
    },
    {
      scenario: 'the limit cuts the list, series parts included',
      articles: [
        story('subject', 'business/auto', 5, { tags: ['Harbour'], series: { id: 'xiaomi', part: 3 } }),
        story('part-one', 'world', 1, { series: { id: 'xiaomi', part: 1 } }),
        story('part-two', 'world', 2, { series: { id: 'xiaomi', part: 2 } }),
        story('close-match', 'business/auto', 4, { tags: ['Harbour'] }),
      ],
      limit: 1,
      related: ['part-one'],
    },
    {
      scenario: 'a subsection’s articles are not the parent section’s',
      articles: [story('subject', 'business', 5), story('auto', 'business/auto', 4)],
      limit: 4,
      related: [],
    },
  ])('$scenario', ({ articles, limit, related }) => {
    test(`relates ${related.join(', ') || 'nothing'}`, () => {
      const subject = articles.find((each) => each.id === 'subject')!;
      expect(ids(relatedArticles(subject, indexOf(articles), limit))).toEqual(related);
    });
  });

  test('four related articles unless told otherwise', () => {
    const articles = [
      story('subject', 'world', 10),
      ...Array.from({ length: 6 }, (_, index) => story(`w${index}`, 'world', index + 1)),
    ];
    expect(ids(relatedArticles(articles[0]!, indexOf(articles)))).toEqual(['w5', 'w4', 'w3', 'w2']);
  });

  test('only the 50 nearest older articles of a tag are candidates, whatever else they share', () => {
    // The oldest tagged article also shares the section, so it would rank first if it were a
    // candidate through the tag; past the 50 nearest, only the section can bring it in.
    const articles = [
      ...Array.from({ length: 10 }, (_, index) =>
        story(`newer-${index}`, 'world', 200 - index, { tags: ['Harbour'] }),
      ),
      story('subject', 'world', 100, { tags: ['Harbour'] }),
      ...Array.from({ length: 60 }, (_, index) =>
        story(`tagged-${index}`, 'business', 99 - index, { tags: ['Harbour'] }),
      ),
      story('oldest', 'world', 0, { tags: ['Harbour'] }),
    ];
    const subject = articles.find((each) => each.id === 'subject')!;
    expect(ids(relatedArticles(subject, indexOf(articles)))).toEqual([
      'tagged-0',
      'tagged-1',
      'tagged-2',
      'tagged-3',
    ]);
    expect(ids(relatedArticles(subject, indexOf([subject, articles.at(-1)!])))).toEqual(['oldest']);
  });

  test('publishing a newer article changes no older article’s related articles', () => {
    const articles = Array.from({ length: 80 }, (_, index) =>
      story(`story-${index}`, index % 2 ? 'world' : 'business', index, {
        tags: [['Harbour', 'Orchard', 'Lantern'][index % 3]!, ['Harbour', 'Granite'][index % 2]!],
      }),
    );
    const newest = story('newest', 'world', 100, { tags: ['Harbour', 'Orchard', 'Lantern', 'Granite'] });
    const before = indexOf(articles);
    const after = indexOf([...articles, newest]);
    for (const each of articles)
      expect(ids(relatedArticles(each, after)), each.id).toEqual(ids(relatedArticles(each, before)));
    expect(relatedArticles(newest, after)).toHaveLength(4);
  });
});

describe('sectionNeighbours', () => {
  const newest = story('newest', 'world', 9);
  const middle = story('middle', 'world', 5);
  const oldest = story('oldest', 'world', 1);
  const between = story('in-another-section', 'business', 6);
  const subsection = story('in-a-subsection', 'business/auto', 7);
  const alone = story('alone', 'business', 3);
  const index = indexOf([newest, middle, oldest, between, subsection, alone]);

  test.each([
    { subject: middle, older: 'oldest', newer: 'newest' },
    { subject: newest, older: 'middle', newer: undefined },
    { subject: oldest, older: undefined, newer: 'middle' },
    { subject: alone, older: undefined, newer: 'in-another-section' },
    { subject: subsection, older: undefined, newer: undefined },
    { subject: story('not-indexed', 'world', 4), older: undefined, newer: undefined },
  ])('$subject.id: older $older, newer $newer', ({ subject, older, newer }) => {
    const neighbours = sectionNeighbours(subject, index);
    expect([neighbours.older?.id, neighbours.newer?.id]).toEqual([older, newer]);
  });

  test('articles published at the same moment are neighbours in id order', () => {
    const tied = ['c', 'a', 'b'].map((id) => story(id, 'world', 5));
    const tiedIndex = indexOf(tied);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => tied.find((each) => each.id === id)!);
    expect(ids([sectionNeighbours(b!, tiedIndex).newer, sectionNeighbours(b!, tiedIndex).older])).toEqual([
      'a',
      'c',
    ]);
    expect(sectionNeighbours(a!, tiedIndex).newer).toBeUndefined();
    expect(sectionNeighbours(c!, tiedIndex).older).toBeUndefined();
  });
});
