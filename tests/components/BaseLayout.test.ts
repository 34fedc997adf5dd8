import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { load } from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';
import BaseLayout from '../../src/layouts/BaseLayout.astro';
import type { Chrome } from '../../src/lib/model.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const chrome: Chrome = { sections: [], footer: [], year: 2026 };
const head = async (props: Record<string, unknown>) =>
  load(
    await container.renderToString(BaseLayout, {
      props: { chrome, title: 'A page', description: 'What it is.', path: '/news/', ...props },
    }),
  );

describe('BaseLayout', () => {
  test('names its canonical URL and asks for nothing else by default', async () => {
    const $ = await head({});
    expect($('link[rel="canonical"]').attr('href')).toBe('https://broadsheet.example/news/');
    expect($('meta[property="og:url"]').attr('content')).toBe('https://broadsheet.example/news/');
    expect($('meta[name="robots"]')).toHaveLength(0);
    expect($('meta[property="og:updated_time"]')).toHaveLength(0);
  });

  test('a page that is no page of its own (not found) asks not to be indexed and names no URL', async () => {
    const $ = await head({ path: '/404.html', noindex: true });
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('link[rel="canonical"]')).toHaveLength(0);
    expect($('meta[property="og:url"]')).toHaveLength(0);
  });

  test('states when the articles it shows last changed, in the site timezone', async () => {
    const $ = await head({ updated: new Date('2026-01-15T03:00:00Z') });
    expect($('meta[property="og:updated_time"]').attr('content')).toBe('2026-01-15T11:00:00+08:00');
  });
});
