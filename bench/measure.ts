/**
 * What the bench measures: a build's time, peak memory and phases, and its output (size, published
 * article pages, and which files changed since the build before).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { redirectSources } from '../src/lib/redirects.ts';

/** One build, as measured while it ran. */
export interface Run {
  seconds: number;
  peakMB: number;
  /** Seconds per build phase, where the tool reports its phases. */
  phases: Record<string, number>;
  /** Why the build failed (the end of its output), when it did. */
  failed?: string;
}

/**
 * Runs a build under /usr/bin/time -v, timing each line of its output as it arrives. A build that
 * fails resolves too, with why.
 */
export function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-v', command, ...args], { env: { ...process.env, ...env } });
    const lines: { at: number; text: string }[] = [];
    let pending = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const parts = (pending + chunk.toString()).split('\n');
      pending = parts.pop() ?? '';
      for (const text of parts) lines.push({ at: (performance.now() - started) / 1000, text });
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      // GNU time reports the largest resident set of any one process of the build, not their sum.
      const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(errors);
      const run: Run = {
        seconds,
        peakMB: peak ? Number(peak[1]) / 1024 : NaN,
        phases: astroPhases(lines, seconds),
      };
      // A failed build is a result too (issue 11: Broadsheet cannot build 100,000 articles today).
      if (code !== 0) {
        // The build's own errors come before time's report ("Command exited…", "\tCommand being timed…").
        const own = errors.split(/^(?:Command exited|\tCommand being timed)/m)[0] ?? '';
        const output = [...lines.map((line) => line.text), ...own.split('\n')].filter((line) => line.trim());
        run.failed = `${command} ${args.join(' ')} failed (${code}):\n${output.slice(-40).join('\n')}`;
      }
      done(run);
    });
  });
}

/**
 * Astro's phases from the times its log lines appeared: content sync, the Vite bundle, page rendering,
 * images, and what integrations do after (sitemap, pruning); then Broadsheet's steps after Astro.
 */
function astroPhases(lines: { at: number; text: string }[], total: number): Record<string, number> {
  const strip = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
  // Each phase starts at the first line matching its pattern after the previous phase started.
  let from = 0;
  const after = (pattern: RegExp) => {
    const index = lines.findIndex((line, at) => at >= from && pattern.test(strip(line.text)));
    if (index === -1) return undefined;
    from = index;
    return lines[index]!.at;
  };
  const marks: [string, number | undefined][] = [
    ['before astro', 0],
    ['content sync', after(/\[content\] Syncing content/)],
    ['vite bundle', after(/\[build\] Building static entrypoints/)],
    ['render pages', after(/generating static routes/)],
    ['images', after(/generating optimized images/)],
    ['integrations', after(/\[build\] ✓ Completed in/)],
    // Broadsheet's own steps after Astro (its build runs with --verbose here): the pages it kept
    // from the last build (with the wait for the content check), the search index, the swap.
    ['keep pages', after(/^Keeping the pages that did not change/)],
    ['search index', after(/^Built .* pages? and /)],
    ['swap', after(/^Search index: /)],
    ['end', total],
  ];
  const known = marks.filter((mark): mark is [string, number] => mark[1] !== undefined);
  const phases: Record<string, number> = {};
  for (let index = 0; index + 1 < known.length; index += 1) {
    const [name, at] = known[index]!;
    phases[name] = known[index + 1]![1] - at;
  }
  return phases;
}

/** Every file of an output folder, by path relative to it. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Bytes and files of an output folder. */
export function folderSize(dir: string): { bytes: number; files: number } {
  const all = files(dir);
  return { bytes: all.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0), files: all.length };
}

/** A digest of every file of an output folder, by path: what the next build is compared with. */
export function fingerprint(dir: string): Map<string, string> {
  return new Map(
    files(dir).map((file) => [
      file,
      createHash('sha1')
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );
}

/**
 * Output files added, removed or changed in their bytes between two builds: what a deploy uploads and
 * a CDN purges. The search index (`pagefind/`) is counted apart, since its shards change by design.
 */
export interface Changes {
  outside: number;
  pagefind: number;
}

/** Counts the files that differ between two fingerprints of an output folder. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): Changes {
  const changes: Changes = { outside: 0, pagefind: 0 };
  for (const file of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(file) === after.get(file)) continue;
    changes[file.startsWith(`pagefind${sep}`) ? 'pagefind' : 'outside'] += 1;
  }
  return changes;
}

/** Published articles of a build: its article pages, articles/<slug>/index.html (every tool's layout). */
export function publishedArticles(dir: string): number {
  const articles = join(dir, 'articles');
  if (!existsSync(articles)) return 0;
  // Not the pages Broadsheet leaves at old and removed addresses, which its _redirects lists.
  const rules = join(dir, '_redirects');
  const answered = new Set(existsSync(rules) ? redirectSources(readFileSync(rules, 'utf8')) : []);
  return readdirSync(articles).filter(
    (slug) => existsSync(join(articles, slug, 'index.html')) && !answered.has(`/articles/${slug}/`),
  ).length;
}
