import { absoluteUrl, adminUrl, newsSitemapUrl, sitemapIndexUrl } from '../lib/urls.ts';
import { site } from '../site.config.ts';

export const GET = () =>
  new Response(
    [
      'User-agent: *',
      'Allow: /',
      `Disallow: ${adminUrl}`,
      '',
      `Sitemap: ${absoluteUrl(sitemapIndexUrl, site.url)}`,
      `Sitemap: ${absoluteUrl(newsSitemapUrl, site.url)}`,
      '',
    ].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
