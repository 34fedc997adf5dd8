import { describe, expect, test } from 'vitest';
import { renderedOnce } from '../../src/lib/rendered-once.ts';

/** A renderer that counts its calls and renders `html`. */
function renderer(html: string) {
  const made = { calls: 0, render: () => Promise.resolve((made.calls++, html)) };
  return made;
}

describe('HTML rendered once per build', () => {
  test('a key already rendered takes its HTML without rendering again; another key renders', async () => {
    const photo = renderer('<picture>one</picture>');
    expect(await renderedOnce('once-a', photo.render, {})).toBe('<picture>one</picture>');
    expect(await renderedOnce('once-a', renderer('<picture>two</picture>').render, {})).toBe(
      '<picture>one</picture>',
    );
    expect(photo.calls).toBe(1);
    expect(await renderedOnce('once-b', renderer('<picture>two</picture>').render, {})).toBe(
      '<picture>two</picture>',
    );
  });

  test('a partition built on a machine of its own renders every time, so that Astro records each page its photos', async () => {
    const photo = renderer('<picture>one</picture>');
    const own = { BROADSHEET_ASTRO_PAGE_CACHE: '1' };
    await renderedOnce('once-c', photo.render, own);
    await renderedOnce('once-c', photo.render, own);
    expect(photo.calls).toBe(2);
  });

  test('the oldest keys are forgotten past the limit, so memory stays bounded at any archive size', async () => {
    const first = renderer('<picture>first</picture>');
    await renderedOnce('once-first', first.render, {}, 2);
    await renderedOnce('once-second', renderer('').render, {}, 2);
    await renderedOnce('once-third', renderer('').render, {}, 2);
    await renderedOnce('once-first', first.render, {}, 2);
    expect(first.calls).toBe(2);
  });
});
