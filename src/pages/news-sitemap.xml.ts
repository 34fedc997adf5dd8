import { newsroom } from '../lib/query';
import { newsSitemap } from '../lib/sitemap';
import { site } from '../site.config';

export const GET = async () => {
  const { articles, now } = await newsroom();
  const entries = articles.map((article) => ({
    url: article.url,
    title: article.data.title,
    publishedAt: article.data.publishedAt,
  }));
  return new Response(newsSitemap(entries, now, site), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
