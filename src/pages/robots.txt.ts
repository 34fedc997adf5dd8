import { absoluteUrl } from '../lib/urls';
import { site } from '../site.config';

export const GET = () =>
  new Response(
    [
      'User-agent: *',
      'Allow: /',
      '',
      `Sitemap: ${absoluteUrl('/sitemap-index.xml', site.url)}`,
      `Sitemap: ${absoluteUrl('/news-sitemap.xml', site.url)}`,
      '',
    ].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
