import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, expect, test } from 'vitest';
import ArticleImage from '../../src/components/ArticleImage.astro';
import landscape from '../fixtures/photos/sunset.jpg';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

test.each([
  { maxWidth: 760, width: 1200 },
  { maxWidth: 220, width: 320 },
])('a card $maxWidth px wide falls back to a $width px JPEG cropped to 3:2', async ({ maxWidth, width }) => {
  const html = await container.renderToString(ArticleImage, {
    props: { src: landscape, alt: 'A sunset', maxWidth, sizes: '100vw' },
  });
  const src = /<img[^>]+src="([^"]+)"/.exec(html)?.[1] ?? '';
  const params = new URL(src.replaceAll('&#38;', '&').replaceAll('&amp;', '&'), 'https://x.example')
    .searchParams;
  expect(params.get('f')).toBe('jpeg');
  expect([params.get('w'), params.get('h')]).toEqual([String(width), String(Math.round((width * 2) / 3))]);
});

test.each([
  { focus: 'top', position: 'top' },
  { focus: undefined, position: null },
] as const)('an editor’s focus ($focus) is where the crop is taken and kept', async ({ focus, position }) => {
  const html = await container.renderToString(ArticleImage, {
    props: { src: landscape, alt: 'A sunset', maxWidth: 760, sizes: '100vw', focus },
  });
  const img = /<img[^>]+>/.exec(html)?.[0] ?? '';
  const src = /src="([^"]+)"/.exec(img)?.[1] ?? '';
  const params = new URL(src.replaceAll('&#38;', '&').replaceAll('&amp;', '&'), 'https://x.example')
    .searchParams;
  expect(params.get('position')).toBe(position);
  expect(/class="([^"]*)"/.exec(img)?.[1]?.split(' ').includes('focus-top')).toBe(focus === 'top');
});
