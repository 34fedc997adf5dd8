/**
 * The bench's scenarios and the newsroom events behind them: each change is made to a tool's article
 * files and returns how to undo it, so a round ends with the corpus it started from.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchClock } from './corpus.ts';
import type { BenchArticle } from './corpus.ts';
import type { Tool } from './tools.ts';

/**
 * Every scenario, in the order a round runs them for a tool. After the warm build each event is built
 * on top of the one before (none is undone in between), so each build's changed files are its own.
 */
export const scenarios = [
  'cold',
  'warm',
  'one edit',
  'headline edit',
  'publish',
  'unpublish',
  'full render',
  'edit after full render',
  'cold, images cached',
] as const;
export type Scenario = (typeof scenarios)[number];

/** The events that change the content before a build, with the article each one touches. */
export const events = ['one edit', 'headline edit', 'publish', 'unpublish'] as const satisfies Scenario[];
/**
 * Those, and the body edit again after a build that rendered every page ("full render", as after a
 * change of code): the first build after one had to link every page it kept into an empty folder,
 * 35 s of the first publish at 100,000 articles until 6 December 2026.
 */
export type Event = (typeof events)[number] | 'edit after full render';

/** The corpus articles the events touch: three different published articles, none in a series. */
export interface Targets {
  /** Gets a sentence added to its body ("one edit"). */
  body: BenchArticle;
  /** Gets a new headline. */
  headline: BenchArticle;
  /** Is unpublished. */
  unpublished: BenchArticle;
  /** The new story, newest of all, that "publish" adds. */
  added: BenchArticle;
}

/**
 * Picks the targets from the corpus (oldest first): the body edit in the middle, as before; the
 * headline a quarter in; the unpublished article three quarters in. Series parts are skipped, since
 * unpublishing one would leave its series with a gap, which the content check rightly reports.
 */
export function targets(corpus: BenchArticle[], added: BenchArticle): Targets {
  const at = (fraction: number) => {
    const start = Math.ceil(corpus.length * fraction) - 1;
    const found = corpus.slice(Math.max(start, 0)).find((article) => !article.series);
    if (!found)
      throw new Error(`The corpus of ${corpus.length} has no article outside a series after ${start}.`);
    return found;
  };
  return { body: at(1 / 2), headline: at(1 / 4), unpublished: at(3 / 4), added };
}

/** Replaces a file's text and returns how to put the original back. */
function rewrite(file: string, change: (text: string) => string): () => void {
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, change(original));
  return () => {
    writeFileSync(file, original);
  };
}

/** Adds a sentence to the first paragraph of the article body. */
const editBody = (round: number) => (text: string) => {
  const end = text.indexOf('\n---\n') + 5;
  const cut = text.indexOf('. ', end + 2) + 1;
  return `${text.slice(0, cut)} Edited for benchmark round ${round}.${text.slice(cut)}`;
};

/** Puts a new headline in the front matter (every tool's `title` is its first line). */
const editHeadline = (round: number) => (text: string) =>
  text.replace(/^---\ntitle: "/, `---\ntitle: "Updated in benchmark round ${round}: `);

/** Makes one newsroom event happen in a tool's articles, and returns how to undo it. */
export function happen(event: Event, tool: Tool, picked: Targets, round: number): () => void {
  const file = (article: BenchArticle) => join(tool.articles, `${article.slug}.md`);
  switch (event) {
    case 'one edit':
    case 'edit after full render':
      return rewrite(file(picked.body), editBody(round));
    case 'headline edit':
      return rewrite(file(picked.headline), editHeadline(round));
    case 'publish': {
      writeFileSync(file(picked.added), tool.format(picked.added));
      return () => {
        rmSync(file(picked.added));
      };
    }
    case 'unpublish': {
      if (tool.readsDrafts) {
        const undo = rewrite(file(picked.unpublished), (text) => `---\ndraft: true\n${text.slice(4)}`);
        const { takedowns } = tool;
        if (!takedowns) return undo;
        writeFileSync(
          takedowns,
          `- path: /articles/${picked.unpublished.slug}/\n  date: "${benchClock}"\n  reason: Unpublished by the benchmark.\n`,
        );
        return () => {
          rmSync(takedowns);
          undo();
        };
      }
      // A tool without drafts unpublishes by leaving the file out.
      const undo = rewrite(file(picked.unpublished), (text) => text);
      rmSync(file(picked.unpublished));
      return undo;
    }
  }
}
