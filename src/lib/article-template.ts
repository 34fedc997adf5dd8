import { stringify } from 'yaml';
import { isoInZone } from './dates.ts';
import { articleFormats } from './article-format.ts';

/**
 * The text of a new article file, as `npm run new` writes it: frontmatter that passes the schema and
 * the content linter, and a commented body skeleton. It is a draft with a TODO standfirst, so an
 * unfinished article never publishes.
 */

/** What the editor asked for on the command line. */
export interface NewArticleOptions {
  headline: string;
  section: string;
  authors: string[];
  /** The folder name (and URL slug); from the headline when absent. */
  slug?: string | undefined;
  /** Writes `draft: true` (the default); `--no-draft` leaves it out. */
  draft: boolean;
}

/** The placeholder standfirst: obvious in the editor, the preview and a diff. */
export const standfirstPlaceholder =
  'TODO: one or two sentences under the headline, also the summary in feeds';

/** `now` in the site timezone with its offset, to the minute: "2026-11-27T06:12:00+08:00". */
export function publishedAtFor(now: Date, timeZone: string): string {
  return isoInZone(new Date(Math.floor(now.getTime() / 60_000) * 60_000), timeZone);
}

/**
 * One YAML value on one line, quoted whenever a reader could take it for something else: the YAML 1.1
 * schema knows more types (yes/no, timestamps) than the 1.2 core schema our reader uses.
 */
function yamlValue(value: unknown): string {
  return stringify(value, {
    schema: 'yaml-1.1',
    collectionStyle: 'flow',
    flowCollectionPadding: false,
    lineWidth: 0,
  }).trimEnd();
}

/** The text of a new article file: frontmatter that passes the schema, then a commented body skeleton. */
export function articleText(options: NewArticleOptions, publishedAt: string): string {
  const lines = [
    '---',
    `title: ${yamlValue(options.headline)}`,
    `standfirst: ${yamlValue(standfirstPlaceholder)}`,
    `section: ${yamlValue(options.section)}`,
    `authors: ${yamlValue(options.authors)}`,
    `publishedAt: ${JSON.stringify(publishedAt)} # with its UTC offset; a later time embargoes the article until then`,
    `format: news # or ${articleFormats.slice(1).join(', ')}: see the editors' guide`,
    'tags: [] # topics, as readers would search for them, e.g. [Xiaomi, Electric vehicles]',
    ...(options.draft
      ? ['draft: true # never published while this line is here: delete it when the article is ready']
      : []),
    '---',
    '',
    '<!--',
    'TODO: write the article here in Markdown, then delete this comment. A blank line starts a new',
    'paragraph; a line starting with "## " is a subheading.',
    '',
    'A photo alone in its paragraph becomes a figure. Put the photo file beside this index.md:',
    '',
    '![What the photo shows, for readers who cannot see it](./photo.jpg "Caption. Credit: Photographer or agency")',
    '',
    'The alt text between the brackets is required; caption and credit are optional.',
    'All fields are explained in content/README.md.',
    '-->',
    '',
  ];
  return lines.join('\n');
}
