/**
 * Counts in words, for the build log and the content check: "1 article", "2 articles", never
 * "1 articles" or "article(s)".
 */

/** `n` and its noun, singular for exactly one: "1 article", "0 articles", "10,000 pages". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? singular : plural}`;
}
