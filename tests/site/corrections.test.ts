import Parser from 'rss-parser';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readText } from '../support/dist.ts';
import { onSite } from '../support/expected.ts';
import { editedId } from '../support/special-sites.ts';
import { editPair } from '../support/sites.ts';

const parser = new Parser();
const url = onSite(`/articles/${editedId}/`);

describe('an article whose headline and section an editor changes, with a correction', () => {
  test('keeps its permalink', () => {
    for (const site of [editPair.before, editPair.after]) {
      expect(existsSync(join(site.dist, 'articles', editedId, 'index.html'))).toBe(true);
    }
  });

  test.each(['rss.xml', 'feed.json'])(
    'keeps its guid in %s and appears in it once, updated',
    async (file) => {
      const ids = async (dist: string) =>
        file === 'rss.xml'
          ? (await parser.parseString(readText(dist, file))).items.map((item) => item.guid)
          : (JSON.parse(readText(dist, file)) as { items: { id: string }[] }).items.map((item) => item.id);
      const before = await ids(editPair.before.dist);
      const after = await ids(editPair.after.dist);
      expect(before).toContain(url);
      expect(after.filter((id) => id === url)).toHaveLength(1);
      expect([...after].sort()).toEqual([...before].sort());
      const edited = readText(editPair.after.dist, file);
      expect(edited).toContain('Corrected synthetic headline');
      expect(edited).toContain('The headline was corrected.');
    },
  );

  test('moves from the old section feed to the new one under the same guid', async () => {
    const news = await parser.parseString(readText(editPair.after.dist, 'news/rss.xml'));
    const business = await parser.parseString(readText(editPair.after.dist, 'business/rss.xml'));
    expect(news.items.map((item) => item.guid)).not.toContain(url);
    expect(business.items.map((item) => item.guid)).toEqual([url]);
  });
});
