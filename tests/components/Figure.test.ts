import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import Figure from '../../src/components/Figure.astro';
import { singleWidth } from '../../src/lib/media.ts';
import landscape from '../fixtures/photos/sunset.jpg';
import portrait from '../fixtures/photos/friends.jpg';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('Figure', () => {
  test('offers AVIF and WebP in several widths, with width, height and alt on the image', async () => {
    const html = await container.renderToString(Figure, {
      props: { src: landscape, alt: 'A sunset', caption: 'Evening.', credit: 'Agency' },
    });
    expect(html).toMatch(/<source[^>]+type="image\/avif"/);
    expect(html).toMatch(/<source[^>]+type="image\/webp"/);
    const avif = /<source srcset="([^"]+)" type="image\/avif"/.exec(html)?.[1] ?? '';
    expect(avif.split(',').length).toBeGreaterThanOrEqual(3);
    expect(html).toMatch(/<img[^>]+alt="A sunset"/);
    expect(html).toMatch(/<img[^>]+width="\d+"[^>]+height="\d+"|<img[^>]+height="\d+"[^>]+width="\d+"/);
    expect(html).toContain('sizes=');
  });

  test('puts the caption and the credit, set apart, in the figcaption', async () => {
    const html = await container.renderToString(Figure, {
      props: { src: landscape, alt: 'A sunset', caption: 'Evening.', credit: 'Agency' },
    });
    expect(html).toMatch(
      /<figcaption[^>]*><span class="caption"[^>]*>Evening\.<\/span><span class="credit"[^>]*>Agency<\/span><\/figcaption>/,
    );
  });

  test('has no figcaption when there is neither caption nor credit', async () => {
    const html = await container.renderToString(Figure, { props: { src: landscape, alt: 'A sunset' } });
    expect(html).not.toContain('<figcaption');
  });

  test('loads a body photo lazily and the lead photo eagerly at high priority', async () => {
    const body = await container.renderToString(Figure, { props: { src: landscape, alt: 'x' } });
    const lead = await container.renderToString(Figure, { props: { src: landscape, alt: 'x', lead: true } });
    expect(body).toContain('loading="lazy"');
    expect(body).not.toContain('fetchpriority="high"');
    expect(lead).toContain('loading="eager"');
    expect(lead).toContain('fetchpriority="high"');
  });

  test('never offers a width larger than the original photo', async () => {
    const html = await container.renderToString(Figure, { props: { src: portrait, alt: 'A dog' } });
    const widths = [...html.matchAll(/ (\d+)w/g)].map((match) => Number(match[1]));
    expect(widths.length).toBeGreaterThan(0);
    expect(Math.max(...widths)).toBeLessThanOrEqual(portrait.width);
    expect(html).toMatch(/class="figure portrait/);
  });
});

describe('Figure fallback', () => {
  test('is a JPEG at most singleWidth wide, for browsers without AVIF and WebP, never the original', async () => {
    const html = await container.renderToString(Figure, {
      props: { src: landscape, alt: 'A sunset', lead: true },
    });
    const src = /<img[^>]+src="([^"]+)"/.exec(html)?.[1] ?? '';
    const params = new URL(src.replaceAll('&#38;', '&').replaceAll('&amp;', '&'), 'https://x.example')
      .searchParams;
    expect(landscape.width).toBeGreaterThan(singleWidth);
    expect(params.get('f')).toBe('jpeg');
    expect(Number(params.get('w'))).toBe(singleWidth);
  });
});
