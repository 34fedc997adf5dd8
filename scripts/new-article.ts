/**
 * npm run new -- "Headline" --section business/auto --author ni-tao [--author …] [--slug …] [--no-draft]:
 * scaffolds content/articles/<slug>/index.md and prints its path; exit 2 on a mistake in the command.
 * Uses BROADSHEET_CONTENT and BROADSHEET_NOW like the build. The logic is in src/lib/scaffold.ts.
 */
import { newArticle } from '../src/lib/scaffold.ts';
import { site } from '../src/site.config.ts';

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
