import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';

export async function GET(context: APIContext) {
  const articles = (await getCollection('articles')).sort(
    (a, b) => b.data.date.valueOf() - a.data.date.valueOf(),
  );
  return rss({
    title: 'Benchmark peer (bare Astro)',
    description: 'Benchmark peer feed',
    site: context.site!,
    items: articles.slice(0, 50).map((article) => ({
      title: article.data.title,
      link: `/articles/${article.id}/`,
      pubDate: article.data.date,
      content: article.rendered?.html ?? '',
    })),
  });
}
