/**
 * npm run new -- "Headline" --section business/auto --author ni-tao [--author …] [--slug …] [--no-draft]:
 * scaffolds content/articles/<slug>/index.md and prints its path; exit 2 on a mistake in the command.
 * Uses BROADSHEET_CONTENT and BROADSHEET_NOW like the build. This file reads the command line; the
 * slug, the file's text and the checks are in src/lib (slug.ts, article-template.ts, scaffold.ts).
 */
import { dirname, isAbsolute, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { NewArticleOptions } from '../src/lib/article-template.ts';
import { buildClock, contentRoot } from '../src/lib/env.ts';
import { ScaffoldError, createArticle } from '../src/lib/scaffold.ts';
import { slug as slugField } from '../src/lib/schema/fields.ts';
import { site } from '../src/site.config.ts';

export const usage = `Usage: npm run new -- "Headline" --section <section> --author <author> [--author <author>…] [--slug <slug>] [--no-draft]

  --section   a section id, a file in content/sections/ (e.g. business/auto)
  --author    an author id, a file in content/authors/ (e.g. ni-tao); repeat it for several authors
  --slug      the folder name and URL, when the headline's would not do (required for a headline
              without Latin letters or digits)
  --draft     mark the article as a draft (the default)
  --no-draft  leave out draft: true, so the article publishes in the next build after publishedAt`;

/** Parses the arguments after `npm run new --`; `'help'` for --help. Throws ScaffoldError. */
export function parseNewArticleArgs(argv: readonly string[]): NewArticleOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        section: { type: 'string' },
        author: { type: 'string', multiple: true },
        slug: { type: 'string' },
        draft: { type: 'boolean' },
        'no-draft': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new ScaffoldError(`${(error as Error).message}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const problems: string[] = [];
  if (positionals.length > 1) {
    problems.push(
      `expected one headline but got ${positionals.length} words (${positionals.join(' ')}): put the headline in quotes, npm run new -- "${positionals.join(' ')}" …`,
    );
  }
  const headline = (positionals[0] ?? '').replace(/\s+/g, ' ').trim();
  if (positionals.length <= 1 && !headline) {
    problems.push('needs a headline: npm run new -- "Xiaomi opens its second car factory" …');
  }
  const section = (values.section ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (!section) problems.push('needs a section: add --section <id>, e.g. --section business/auto');
  const authors = [
    ...new Set((values.author ?? []).flatMap((each) => each.split(',')).map((each) => each.trim())),
  ].filter(Boolean);
  if (authors.length === 0)
    problems.push('needs at least one author: add --author <id>, e.g. --author ni-tao');
  const slug = values.slug?.trim();
  if (slug !== undefined && !slugField().safeParse(slug).success) {
    problems.push(
      `--slug "${slug}" must be lowercase letters, digits and single hyphens, e.g. --slug xiaomi-second-factory`,
    );
  }
  if (values.draft && values['no-draft'])
    problems.push('--draft and --no-draft contradict each other: keep one');
  if (problems.length > 0) throw new ScaffoldError(`${problems.join('\n')}\n\n${usage}`);
  return { headline, section, authors, slug, draft: !values['no-draft'] };
}

/** Where the CLI writes and how it reads its environment; tests pass their own. */
export interface NewArticleIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  timeZone: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * The whole `npm run new` command: prints the new file's path on stdout (notes and next steps on
 * stderr) and returns the exit code: 0, or 2 for a mistake in the command.
 */
export async function newArticle(argv: readonly string[], io: NewArticleIo): Promise<number> {
  try {
    const options = parseNewArticleArgs(argv);
    if (options === 'help') {
      io.out(usage);
      return 0;
    }
    let now: Date;
    try {
      now = buildClock(io.env);
    } catch (error) {
      throw new ScaffoldError((error as Error).message);
    }
    const created = await createArticle(contentRoot(io.env), options, now, io.timeZone);
    // Relative to where the editor is when the file is below it, else absolute.
    const shown = (path: string) => {
      const near = relative(io.cwd, path);
      return near.startsWith('..') || isAbsolute(near) ? path : near;
    };
    io.out(shown(created.file));
    for (const note of created.notes) io.err(`note: ${note}`);
    io.err(
      `Next: replace the TODO standfirst, write the article${options.draft ? ', then delete `draft: true`' : ''}. Photos go beside it in ${shown(dirname(created.file))}/.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    io.err(error.message);
    return 2;
  }
}

// Run as `npm run new`, not when the tests import the functions above.
if (import.meta.main) {
  process.exitCode = await newArticle(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    timeZone: site.timezone,
    out: (line) => {
      console.log(line);
    },
    err: (line) => {
      console.error(line);
    },
  });
}
