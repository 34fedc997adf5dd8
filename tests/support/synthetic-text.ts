/** Obviously fake, deterministic text for the synthetic newsrooms: nothing here is news. */

const words = (
  'synthetic fixture sample placeholder harbour council quarterly ledger bridge market river station ' +
  'committee forecast lantern orchard meadow signal archive harvest compass timber granite beacon'
).split(' ');

/** A small deterministic pseudo-random generator (mulberry32), so every run writes the same site. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A capitalised sentence of `length` fake words. */
export function sentence(next: () => number, length = 12): string {
  const picked = Array.from({ length }, () => words[Math.floor(next() * words.length)]!);
  const text = picked.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** A paragraph of fake sentences. */
export function paragraph(next: () => number, sentences = 4): string {
  return Array.from({ length: sentences }, () => sentence(next)).join(' ');
}
