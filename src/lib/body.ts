/**
 * An article body as rendered Markdown with numbered figure placeholders (see src/markdown/figures.ts),
 * split so that pages and feeds can each put their own figure markup in place.
 */

const tagName = 'broadsheet-figure';

/** The hast element the remark plugin leaves where figure `index` stood. */
export function figurePlaceholder(index: number) {
  return { tagName, properties: { dataFigure: String(index) } };
}

const placeholderPattern = new RegExp(`<${tagName} data-figure="(\\d+)"></${tagName}>`, 'g');

/** A run of body HTML, or the figure that stands between two runs. */
export type BodyPart = { html: string } | { figure: number };

/** The body as HTML runs and figure numbers, in order. */
export function splitBody(html: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of html.matchAll(placeholderPattern)) {
    if (match.index > last) parts.push({ html: html.slice(last, match.index) });
    parts.push({ figure: Number(match[1]) });
    last = match.index + match[0].length;
  }
  if (last < html.length) parts.push({ html: html.slice(last) });
  return parts;
}

/** The body as one HTML string, each figure rendered by `figureHtml` (for feeds). */
export function joinBody(html: string, figureHtml: (index: number) => string): string {
  return splitBody(html)
    .map((part) => ('html' in part ? part.html : figureHtml(part.figure)))
    .join('');
}
