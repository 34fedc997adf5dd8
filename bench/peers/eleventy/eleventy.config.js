// The Eleventy peer: article pages, a paginated home, desk (section) listings and one RSS feed of 50
// items. The articles come from the corpus folder given as --input; the templates are virtual.
const perPage = 20;
const escape = (text) =>
  String(text).replace(
    /[&<>"]/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char],
  );

const shell = (title, main) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body><header><a href="/">Benchmark peer (Eleventy)</a></header><main>${main}</main></body></html>`;

const list = (items) =>
  `<ol>${items
    .map(
      (item) =>
        `<li><a href="${item.url}">${escape(item.data.title)}</a> <time>${item.date.toDateString()}</time><p>${escape(item.data.summary)}</p></li>`,
    )
    .join('')}</ol>`;

const pager = (pagination) =>
  `<nav>${pagination.href.previous ? `<a rel="prev" href="${pagination.href.previous}">Newer</a>` : ''} ${pagination.href.next ? `<a rel="next" href="${pagination.href.next}">Older</a>` : ''}</nav>`;

export default function (eleventyConfig) {
  // The corpus lives in a git-ignored work folder.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.addCollection('articles', (api) =>
    api.getFilteredByGlob('**/*.md').sort((a, b) => b.date - a.date || a.fileSlug.localeCompare(b.fileSlug)),
  );
  eleventyConfig.addCollection('deskPages', (api) => {
    const byDesk = new Map();
    for (const item of api.getFilteredByGlob('**/*.md').sort((a, b) => b.date - a.date)) {
      byDesk.set(item.data.desk, [...(byDesk.get(item.data.desk) ?? []), item]);
    }
    return [...byDesk].flatMap(([desk, items]) =>
      Array.from({ length: Math.ceil(items.length / perPage) }, (_, index) => ({
        desk,
        name: items[0].data.deskName,
        number: index + 1,
        items: items.slice(index * perPage, (index + 1) * perPage),
        last: (index + 1) * perPage >= items.length,
      })),
    );
  });

  eleventyConfig.addGlobalData('layout', 'article.11ty.js');
  eleventyConfig.addGlobalData('permalink', () => (data) => `/articles/${data.page.fileSlug}/`);

  eleventyConfig.addTemplate('_includes/article.11ty.js', {
    render: (data) =>
      shell(
        data.title,
        `<article><h1>${escape(data.title)}</h1><p>${escape(data.summary)}</p><p>${data.authors.join(', ')} · <time datetime="${data.page.date.toISOString()}">${data.page.date.toDateString()}</time> · <a href="/desks/${data.desk}/">${escape(data.deskName)}</a></p>${data.content}<p>${data.topics.map(escape).join(', ')}</p></article>`,
      ),
  });

  eleventyConfig.addTemplate('index.11ty.js', {
    data: {
      layout: false,
      pagination: { data: 'collections.articles', size: perPage, alias: 'items' },
      permalink: (data) =>
        data.pagination.pageNumber === 0 ? '/' : `/page/${data.pagination.pageNumber + 1}/`,
    },
    render: (data) => shell('Benchmark peer (Eleventy)', list(data.items) + pager(data.pagination)),
  });

  eleventyConfig.addTemplate('desk.11ty.js', {
    data: {
      layout: false,
      pagination: { data: 'collections.deskPages', size: 1, alias: 'chunk' },
      permalink: (data) =>
        data.chunk.number === 1
          ? `/desks/${data.chunk.desk}/`
          : `/desks/${data.chunk.desk}/page/${data.chunk.number}/`,
    },
    render: ({ chunk }) =>
      shell(
        chunk.name,
        `<h1>${escape(chunk.name)}</h1>${list(chunk.items)}<nav>${chunk.number > 1 ? `<a rel="prev" href="/desks/${chunk.desk}/${chunk.number === 2 ? '' : `page/${chunk.number - 1}/`}">Newer</a>` : ''} ${chunk.last ? '' : `<a rel="next" href="/desks/${chunk.desk}/page/${chunk.number + 1}/">Older</a>`}</nav>`,
      ),
  });

  eleventyConfig.addTemplate('rss.11ty.js', {
    data: { layout: false, permalink: '/rss.xml', eleventyExcludeFromCollections: true },
    render: async (data) => {
      const items = data.collections.articles.slice(0, 50);
      return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Benchmark peer (Eleventy)</title><link>https://bench.example/</link><description>Benchmark peer feed</description>${items
        .map(
          (item) =>
            `<item><title>${escape(item.data.title)}</title><link>https://bench.example${item.url}</link><guid>https://bench.example${item.url}</guid><pubDate>${item.date.toUTCString()}</pubDate><description>${escape(item.content)}</description></item>`,
        )
        .join('')}</channel></rss>`;
    },
  });
}
