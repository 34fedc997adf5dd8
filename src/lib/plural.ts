/**
 * Counts in words, for the build log and the content check: "1 article", "2 articles", never
 * "1 articles" or "article(s)".
 */

/** A count as the log writes it: "10,000". */
export function figure(n: number): string {
  return n.toLocaleString('en-GB');
}

/** `n` and its noun, singular for exactly one: "1 article", "0 articles", "10,000 pages". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${figure(n)} ${n === 1 ? singular : plural}`;
}
