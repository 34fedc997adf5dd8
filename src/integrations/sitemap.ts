import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { counted } from '../lib/plural.ts';
import { readSitePages } from '../lib/site-pages.ts';
import { sitemapFiles, sitemapPages } from '../lib/sitemap.ts';

/**
 * Writes the site's sitemaps (src/lib/sitemap.ts) after the build that renders the pages of no year
 * (the newest partition, or the whole site), from the pages Astro built and the record of the site's
 * pages (`record`, src/lib/site-pages.ts), read once the pages are built.
 */
export function sitemap(options: { siteUrl: string; record: string | undefined }): AstroIntegration {
  const { siteUrl, record } = options;
  return {
    name: 'broadsheet:sitemap',
    hooks: {
      'astro:build:done': ({ dir, pages, logger }) => {
        const dated = record ? readSitePages(record).pages : [];
        const listed = sitemapPages(
          pages.map(({ pathname }) => pathname),
          dated,
          siteUrl,
        );
        const files = sitemapFiles(listed, siteUrl);
        for (const [name, xml] of files) writeFileSync(join(fileURLToPath(dir), name), xml);
        logger.info(`${counted(listed.length, 'page')} in ${counted(files.size - 1, 'sitemap')}`);
      },
    },
  };
}
