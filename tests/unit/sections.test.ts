import { describe, expect, test } from 'vitest';
import {
  childSections,
  parentOf,
  sectionLineage,
  sectionPath,
  sectionTreeProblems,
} from '../../src/lib/sections.ts';
import type { SectionNode } from '../../src/lib/sections.ts';

const node = (id: string, name: string, order = 100): SectionNode => ({ id, name, order });
const tree = [
  node('business', 'Business', 10),
  node('business/auto', 'Auto', 10),
  node('business/tech', 'Tech', 20),
  node('world', 'World', 5),
  node('world/asia', 'Asia'),
];
const byId = new Map(tree.map((section) => [section.id, section]));

describe('sectionLineage', () => {
  test.each([
    { id: 'business', lineage: ['business'] },
    { id: 'business/auto', lineage: ['business', 'business/auto'] },
    { id: 'a/b/c', lineage: ['a', 'a/b', 'a/b/c'] },
  ])('$id descends from $lineage', ({ id, lineage }) => {
    expect(sectionLineage(id)).toEqual(lineage);
  });
});

describe('sectionPath', () => {
  test('lists the sections from the top down', () => {
    expect(sectionPath('business/auto', byId).map((section) => section.name)).toEqual(['Business', 'Auto']);
  });

  test('a top-level section is its own path', () => {
    expect(sectionPath('world', byId)).toEqual([byId.get('world')]);
  });

  test('an unknown ancestor is left out rather than shown as a blank crumb', () => {
    const orphaned = new Map([['sport/tennis', node('sport/tennis', 'Tennis')]]);
    expect(sectionPath('sport/tennis', orphaned).map((section) => section.id)).toEqual(['sport/tennis']);
  });
});

describe('childSections', () => {
  test('top-level sections come in navigation order', () => {
    expect(childSections('', tree).map((section) => section.id)).toEqual(['world', 'business']);
  });

  test('only direct children are listed', () => {
    const deep = [...tree, node('business/auto/ev', 'Electric')];
    expect(childSections('business', deep).map((section) => section.id)).toEqual([
      'business/auto',
      'business/tech',
    ]);
  });

  test('siblings with the same order are sorted by name', () => {
    const siblings = [node('news/z', 'Zebra', 1), node('news/b', 'Bravo', 1), node('news/a', 'Alpha', 2)];
    expect(childSections('news', siblings).map((section) => section.name)).toEqual([
      'Bravo',
      'Zebra',
      'Alpha',
    ]);
  });

  test('a section without children has none', () => {
    expect(childSections('business/auto', tree)).toEqual([]);
  });
});

describe('parentOf', () => {
  test.each([
    { id: 'business', parent: '' },
    { id: 'business/auto', parent: 'business' },
    { id: 'a/b/c', parent: 'a/b' },
  ])('the parent of $id is "$parent"', ({ id, parent }) => {
    expect(parentOf(id)).toBe(parent);
  });
});

describe('sectionTreeProblems', () => {
  test('a complete tree has no problems', () => {
    expect(sectionTreeProblems(byId.keys())).toEqual([]);
  });

  test('a subsection without its parent is reported with the file to add', () => {
    const problems = sectionTreeProblems(['business', 'sport/tennis']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('sport/tennis');
    expect(problems[0]).toContain('sections/sport.yaml');
  });

  test.each(['articles', 'tags', 'authors', 'series', 'archive', 'search', 'admin'])(
    'a section named "%s" is refused because the site uses that path',
    (reserved) => {
      const problems = sectionTreeProblems(['business', reserved]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(`"${reserved}"`);
      expect(problems[0]).toMatch(/reserved/);
      expect(problems[0]).toMatch(/rename/);
    },
  );

  test('a reserved word below the top level is allowed', () => {
    expect(sectionTreeProblems(['business', 'business/tags'])).toEqual([]);
  });
});
