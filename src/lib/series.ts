/** Series ("special reports"): the label and the parts readers can reach. */

/** "Part 2 of 2". */
export function partLabel(part: number, total: number): string {
  return `Part ${part} of ${total}`;
}

/** One part of a series as the series box shows it: a link when published, else just its number. */
export interface SeriesPart {
  part: number;
  title?: string;
  url?: string;
}

/**
 * Every part from 1 to the series' planned total (or the highest published part, if larger), with the
 * published ones linked, so a reader of part 2 sees that part 1 exists but is not online.
 */
export function seriesParts(
  total: number,
  published: { part: number; title: string; url: string }[],
): SeriesPart[] {
  const byPart = new Map(published.map((article) => [article.part, article]));
  const last = Math.max(total, ...published.map((article) => article.part));
  return Array.from({ length: last }, (_, index) => byPart.get(index + 1) ?? { part: index + 1 });
}
