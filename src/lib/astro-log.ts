import { stripVTControlCharacters } from 'node:util';
import { counted, figure } from './plural.ts';

/**
 * `npm run build` shows a newsroom what it needs of Astro's log: Astro prints a line per page, per
 * image and per step (13,000 lines for 10,000 articles), so the build counts pages and images,
 * leaves out Astro's steps and timings, and shows everything else as it is: warnings, errors, stack
 * traces, notices. `npm run build -- --verbose` shows Astro's whole log.
 */

/** One thing a line of `astro build`'s output tells the build's own log; a line may tell several. */
export type AstroLine =
  /** A page or other file written: rendered, or restored unchanged from the previous build. */
  | { kind: 'page'; path: string; restored: boolean }
  /** An optimized image: converted now, or reused from the image cache. */
  | { kind: 'image'; reused: boolean }
  /** One of Astro's steps or timings. */
  | { kind: 'progress' }
  /** The end of Astro's content sync: every new body is rendered. */
  | { kind: 'synced' }
  /**
   * A problem Astro's content sync found in the content (a broken reference, a field its schema
   * refused): one the build's content check reports itself, with the file, the line and what to do.
   */
  | { kind: 'content problem' }
  /** Anything else, shown as it is. */
  | { kind: 'message' };

/**
 * Reads one line of Astro's log (colour codes allowed): what it says, in order. Astro prefixes its
 * informational lines with the time and a `[label]`, its warnings and errors with `[WARN]` or
 * `[ERROR]` before the label.
 *
 * A line may name several pages. Astro renders a few pages at once (`build.concurrency`,
 * astro.config.mjs) and writes a page's name when it starts it but the page's time only when it is
 * done, so pages started together share a line, and their times follow on lines of their own. A page
 * restored unchanged is named and marked "(restored)" at once, so each mark belongs to the page
 * named just before it, whichever pages are still rendering.
 */
export function readAstroLine(raw: string): AstroLine[] {
  const line = stripVTControlCharacters(raw);
  // `(kept)`: a page scripts/build.ts linked from the last build without asking Astro for it. A
  // page's name ends where the next page's line starts (with its time), or a warning written onto it.
  const pages = [...line.matchAll(/[├└]─ (\S+?)(?=[├└]─|\s|$|\d\d:\d\d:\d\d\s)([^├└]*)/g)].map(
    ([, path, after]): AstroLine => ({
      kind: 'page',
      path: path!,
      restored: /^\s*\((restored|cached|kept)\)/.test(after!),
    }),
  );
  if (/^\S+ \[(?:WARN|ERROR)\] \[content\] /.test(line)) return [{ kind: 'content problem' }];
  // A warning or error logged while a page renders is written onto that page's line: show it.
  if (/ \[(WARN|ERROR)\] /.test(line)) return [...pages, { kind: 'message' }];
  if (pages.length > 0) return pages;
  if (/▶ \S+ /.test(line))
    return [{ kind: 'image', reused: /\((reused|revalidated) cache entry\)/.test(line) }];
  if (/^\S+ \[content\] Synced content\s*$/.test(line)) return [{ kind: 'synced' }];
  if (/^\S+ \[[^\]]+\] /.test(line)) return [{ kind: 'progress' }];
  if (/^\s*$|^ generating .* $|^\S+ ✓ Completed in |^(\s*\(\+[\d.]+m?s\))+\s*$/.test(line))
    return [{ kind: 'progress' }];
  return [{ kind: 'message' }];
}

/**
 * One line for the whole of Astro's work: pages (HTML) once, feeds and other files apart, how many
 * were rendered and how many restored unchanged, and the images.
 */
export function formatAstroSummary(lines: AstroLine[], milliseconds: number): string {
  const files = lines.filter((line) => line.kind === 'page');
  const images = lines.filter((line) => line.kind === 'image');
  const pages = files.filter((file) => file.path.endsWith('.html')).length;
  const restored = files.filter((file) => file.restored).length;
  const reused = images.filter((image) => image.reused).length;
  const others = counted(files.length - pages, 'feed or other file', 'feeds and other files');
  const imageText =
    images.length > 0
      ? `${counted(images.length, 'image')} (${figure(images.length - reused)} converted, ${figure(reused)} from the image cache)`
      : counted(0, 'image');
  return (
    `Built ${counted(pages, 'page')} and ${others} (${figure(files.length - restored)} rendered, ${figure(restored)} unchanged ` +
    `since the last build) and ${imageText} in ${(milliseconds / 1000).toFixed(1)} s.`
  );
}
