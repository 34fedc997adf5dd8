import { newsSitemapEntries } from '../lib/routes';
import { newsSitemap } from '../lib/sitemap';
import { site } from '../site.config';

export const GET = async () => {
  const { entries, now } = await newsSitemapEntries();
  return new Response(newsSitemap(entries, now, site), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
