import { describe, expect, test } from 'vitest';
import { frontPage, frontPageArticles } from '../../src/lib/front-page.ts';
import type { FrontPage } from '../../src/lib/front-page.ts';
import { inNewsroomOrder, sections, story } from './newsroom-fixture.ts';

/** What a test compares: ids instead of whole articles. */
function summary(front: FrontPage) {
  return {
    lead: front.lead?.id,
    top: front.top.map((each) => each.id),
    bands: front.bands.map((band) => [band.section.id, band.articles.map((each) => each.id)]),
    reports: front.specialReports.map((report) => [report.series.id, report.latest.id, report.published]),
  };
}

describe.each([
  {
    scenario: 'an empty newsroom',
    articles: [],
    options: {},
    expected: { lead: undefined, top: [], bands: [], reports: [] },
  },
  {
    scenario: 'a single article',
    articles: [story('only', 'world', 1)],
    options: {},
    expected: { lead: 'only', top: [], bands: [], reports: [] },
  },
  {
    scenario: 'no featured article: the newest leads, the next newest are top stories',
    articles: [
      story('a', 'world', 5),
      story('b', 'business', 4),
      story('c', 'world', 3),
      story('d', 'world', 2),
    ],
    options: { topCount: 2 },
    expected: { lead: 'a', top: ['b', 'c'], bands: [['world', ['d']]], reports: [] },
  },
  {
    scenario: 'an older featured article leads and the newest becomes a top story',
    articles: [story('new', 'world', 5), story('old', 'business', 1, { data: { featured: true } })],
    options: {},
    expected: { lead: 'old', top: ['new'], bands: [], reports: [] },
  },
  {
    scenario: 'of two featured articles the newer leads; the other is an ordinary top story',
    articles: [
      story('plain', 'world', 9),
      story('featured-new', 'world', 8, { data: { featured: true } }),
      story('featured-old', 'world', 7, { data: { featured: true } }),
    ],
    options: {},
    expected: { lead: 'featured-new', top: ['plain', 'featured-old'], bands: [], reports: [] },
  },
  {
    scenario: 'articles published at the same moment keep the newsroom’s order (by id)',
    articles: [story('tie-b', 'world', 5), story('tie-a', 'world', 5), story('tie-c', 'world', 5)],
    options: { topCount: 1 },
    expected: { lead: 'tie-a', top: ['tie-b'], bands: [['world', ['tie-c']]], reports: [] },
  },
  {
    scenario: 'bands follow the section order, gather subsections and skip what is shown above',
    articles: [
      story('lead', 'business', 9),
      story('top', 'world', 8),
      story('auto', 'business/auto', 7),
      story('world', 'world', 6),
      story('business', 'business', 5),
    ],
    options: { topCount: 1 },
    expected: {
      lead: 'lead',
      top: ['top'],
      bands: [
        ['business', ['auto', 'business']],
        ['world', ['world']],
      ],
      reports: [],
    },
  },
  {
    scenario: 'a section with nothing left below the top stories has no band',
    articles: [story('lead', 'business', 9), story('top', 'business/auto', 8), story('world', 'world', 7)],
    options: { topCount: 1 },
    expected: { lead: 'lead', top: ['top'], bands: [['world', ['world']]], reports: [] },
  },
  {
    scenario: 'top stories and bands stop at their counts, keeping the newest',
    articles: [
      story('w1', 'world', 9),
      story('w2', 'world', 8),
      story('w3', 'world', 7),
      story('w4', 'world', 6),
      story('w5', 'world', 5),
      story('w6', 'world', 4),
      story('w7', 'world', 3),
    ],
    options: { topCount: 2, bandCount: 3 },
    expected: { lead: 'w1', top: ['w2', 'w3'], bands: [['world', ['w4', 'w5', 'w6']]], reports: [] },
  },
  {
    scenario: 'a series shows its newest part and its number of published parts, even when shown above',
    articles: [
      story('part-two', 'business/auto', 9, { series: { id: 'xiaomi', part: 2 } }),
      story('other', 'world', 8),
      story('part-one', 'business/auto', 7, { series: { id: 'xiaomi', part: 1 } }),
    ],
    options: { topCount: 0 },
    expected: {
      lead: 'part-two',
      top: [],
      bands: [
        ['business', ['part-one']],
        ['world', ['other']],
      ],
      reports: [['xiaomi', 'part-two', 2]],
    },
  },
])('$scenario', ({ articles, options, expected }) => {
  const front = frontPage(inNewsroomOrder(articles), sections, options);

  test('lead, top stories, bands and special reports', () => {
    expect(summary(front)).toEqual(expected);
  });

  test('no article appears twice among the lead, the top stories and the bands', () => {
    const shown = [front.lead, ...front.top, ...front.bands.flatMap((band) => band.articles)];
    expect(new Set(shown).size).toBe(shown.length);
  });
});

describe('frontPage defaults', () => {
  const many = inNewsroomOrder(Array.from({ length: 20 }, (_, index) => story(`w${index}`, 'world', index)));
  const front = frontPage(many, sections);

  test('four top stories under the lead and four headlines a band', () => {
    expect(front.top).toHaveLength(4);
    expect(front.bands.map((band) => band.articles.length)).toEqual([4]);
  });
});

describe('special reports', () => {
  test('series come newest activity first, counting every published part', () => {
    const front = frontPage(
      inNewsroomOrder([
        story('planned-one', 'world', 9, { series: { id: 'planned', part: 1 } }),
        story('xiaomi-two', 'business', 8, { series: { id: 'xiaomi', part: 2 } }),
        story('planned-two', 'world', 1, { series: { id: 'planned', part: 2 } }),
      ]),
      sections,
    );
    expect(summary(front).reports).toEqual([
      ['planned', 'planned-one', 2],
      ['xiaomi', 'xiaomi-two', 1],
    ]);
  });
});

test('frontPageArticles lists every article the front page shows once: lead, top, bands and series', () => {
  const articles = inNewsroomOrder([
    story('lead', 'world', 9),
    story('top', 'business', 8),
    story('band', 'world', 7),
    story('part-one', 'business/auto', 1, { series: { id: 'xiaomi', part: 1 } }),
    story('hidden', 'world', 0),
  ]);
  const front = frontPage(articles, sections, { topCount: 1, bandCount: 1 });
  expect(frontPageArticles(front).map((each) => each.id)).toEqual(['lead', 'top', 'part-one', 'band']);
});
