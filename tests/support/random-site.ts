import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { frontmatter, newsDesk, write, writeFiles } from './content-files.ts';

/**
 * Property-based content: random but valid articles (any Unicode, CJK, emoji, right-to-left text,
 * very long words, hostile HTML) written into one small newsroom, so one build checks them all.
 * The seed makes every run write the same site; change it to explore.
 */
export const randomSeed = 20261127;
const count = 12;

const pieces = fc.constantFrom(
  '电动汽车的未来',
  'مرحبا بالعالم',
  'שלום עולם',
  'Ünïcödé naïve café',
  '🚗⚡️👩🏽‍💻',
  'Supercalifragilisticexpialidocious'.repeat(4),
  '<script>alert(1)</script>',
  '</p><img src=x onerror=alert(2)>',
  '&amp; &lt; ]]> --> <!--',
  '"quoted" \'single\' `code`',
  'a_b*c*[d](e)',
  'plain words',
);
const line = fc.array(pieces, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' ').trim());

export interface RandomArticle {
  id: string;
  title: string;
  body: string;
}

/** The random articles of the seed, deterministic. */
export function randomArticles(): RandomArticle[] {
  const article = fc.record({ title: line, paragraphs: fc.array(line, { minLength: 1, maxLength: 4 }) });
  return fc.sample(article, { seed: randomSeed, numRuns: count }).map((each, index) => ({
    id: `random-story-${String(index + 1).padStart(2, '0')}`,
    title: each.title,
    // Each paragraph starts as text: a line that starts with an HTML tag is an HTML block in Markdown,
    // raw HTML the editor chose, which the hostile-string tests cover.
    body: each.paragraphs.map((paragraph) => `Paragraph: ${paragraph}`).join('\n\n'),
  }));
}

/** Writes the random newsroom into `dir`. */
export function writeRandomSite(dir: string): RandomArticle[] {
  rmSync(dir, { recursive: true, force: true });
  writeFiles(dir, newsDesk);
  const articles = randomArticles();
  articles.forEach((article, index) => {
    write(
      join(dir, 'articles', `${article.id}.md`),
      frontmatter({
        title: article.title,
        standfirst: `Synthetic standfirst ${index + 1}.`,
        section: 'news',
        authors: ['avery-fixture'],
        publishedAt: `2026-01-${String(index + 1).padStart(2, '0')}T09:00:00+08:00`,
      }) + `${article.body}\n`,
    );
  });
  return articles;
}
