import { newsSitemapEntries } from '../lib/routes.ts';
import { newsSitemap } from '../lib/sitemap.ts';
import { site } from '../site.config.ts';

export const GET = async () => {
  const { entries, now } = await newsSitemapEntries();
  return new Response(newsSitemap(entries, now, site), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
