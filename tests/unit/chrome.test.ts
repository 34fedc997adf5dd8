import { describe, expect, test } from 'vitest';
import { chromeOf } from '../../src/lib/chrome.ts';
import type { StaticPage } from '../../src/lib/model.ts';
import { sections } from './newsroom-fixture.ts';

const page = (id: string, order: number, footer: boolean): StaticPage => ({
  id,
  url: `/${id}/`,
  data: { title: `Title of ${id}`, description: '', order, footer },
  html: '',
});

describe('chromeOf', () => {
  test.each([
    // 16:30 UTC on 31 December 2025 is half past midnight on 1 January 2026 in Shanghai.
    { zone: 'Asia/Shanghai', now: '2025-12-31T16:30:00Z', year: 2026 },
    { zone: 'UTC', now: '2025-12-31T16:30:00Z', year: 2025 },
    { zone: 'America/Los_Angeles', now: '2026-01-01T05:00:00Z', year: 2025 },
  ])('a site in $zone built at $now shows © $year in its footer', ({ zone, now, year }) => {
    expect(chromeOf({ sections, pages: [], now: new Date(now) }, zone).year).toBe(year);
  });

  test('the navigation lists the top-level sections only, in order', () => {
    const { sections: nav } = chromeOf({ sections, pages: [], now: new Date() }, 'UTC');
    expect(nav).toEqual([
      { id: 'business', name: 'Business' },
      { id: 'world', name: 'World' },
    ]);
  });

  test('the footer links the pages marked for it, in the order given', () => {
    const pages = [page('about', 1, true), page('tips', 2, false), page('contact', 3, true)];
    expect(chromeOf({ sections, pages, now: new Date() }, 'UTC').footer).toEqual([
      { title: 'Title of about', url: '/about/' },
      { title: 'Title of contact', url: '/contact/' },
    ]);
  });
});
