import { z } from 'astro/zod';
import { site } from '../../site.config.ts';
import { utcOffset } from '../dates.ts';
import { smarten } from '../typography.ts';

/**
 * Field types shared by the schemas. Each message is written for an editor: what is wrong and what to
 * type instead. Zod adds the field name and Astro the file name.
 */

/**
 * A date-time with an explicit UTC offset, e.g. 2025-03-03T09:00:00+08:00; parsed to a Date. Marked
 * as a date-time for the CMS's form (src/lib/cms-config.ts), which offers a date picker.
 */
export function dateTime() {
  return z
    .string({ error: 'needs a date-time in quotes, e.g. "2025-03-03T09:00:00+08:00"' })
    .refine((value) => z.iso.datetime({ offset: true }).safeParse(value).success, {
      error: (issue) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(String(issue.input))
          ? `"${String(issue.input)}" has no UTC offset: add one, e.g. "${String(issue.input)}${suggestedOffset(String(issue.input))}" for ${site.timezone} time`
          : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(String(issue.input))
            ? `"${String(issue.input)}" is not a date that exists (no such day or time): check the day and month`
            : `"${String(issue.input)}" is not a date-time: write it as "2025-03-03T09:00:00+08:00"`,
    })
    .meta({ format: 'date-time' })
    .transform((value) => new Date(value));
}

/**
 * A list, written in brackets (`tags: [Markets, Shipping]`). Without them YAML reads one text
 * (`tags: Markets, Shipping`), and the message gives that text as the list to write.
 */
export function list<Item extends z.ZodType>(key: string, item: Item) {
  return z.array(item, {
    error: (issue) =>
      typeof issue.input === 'string'
        ? `must be a list in brackets: \`${key}: [${listed(issue.input)}]\``
        : `must be a list in brackets, e.g. \`${key}: [first, second]\``,
  });
}

/**
 * true or false. YAML reads `yes`, `no`, `on` and anything in quotes as text: the message gives the
 * line to write, with the value the editor meant where it is plain.
 */
export function flag(key: string) {
  return z.boolean({
    error: (issue) =>
      `must be true or false, without quotes: \`${key}: ${/^\s*(no|n|off|false)\s*$/i.test(String(issue.input)) ? 'false' : 'true'}\``,
  });
}

/** A text of comma-separated items as a list's items, in quotes where YAML needs them. */
function listed(value: string): string {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => (/^[#*&!@`%"'[{|>]|: | #/.test(item) ? JSON.stringify(item) : item))
    .join(', ');
}

/** The site timezone's offset near a local date-time an editor wrote without one. */
function suggestedOffset(local: string): string {
  return utcOffset(new Date(`${local}Z`), site.timezone);
}

/** Text an editor must fill in: trimmed, never empty. */
export function text(what: string) {
  return z
    .string({ error: `needs ${what}` })
    .trim()
    .min(1, { error: `needs ${what}; it is empty` });
}

/** Text readers see as typeset prose (headline, standfirst, notes, captions): curly quotes and dashes. */
export function prose(what: string) {
  return text(what).transform(smarten);
}

/** A lowercase URL segment: letters, digits and single hyphens. */
export function slug() {
  return z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be lowercase letters, digits and single hyphens, e.g. "xiaomi-su7-launch"',
  });
}

/** An absolute http(s) URL. */
export function webUrl() {
  return z.url({ protocol: /^https?$/, error: 'must be a full web address starting with https://' });
}

/**
 * An address the site once had (src/lib/redirects.ts): an old slug, e.g. "old-headline", or a path
 * on the site, e.g. "/2019/05/old-story.html". Characters `_redirects` reads as patterns (`*`, `:`)
 * and query strings are refused: each line must name one address.
 */
export function oldAddress() {
  return z
    .string({ error: 'needs an old slug or a path in quotes, e.g. "old-headline"' })
    .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*|(?:\/[A-Za-z0-9._~%-]+)+\/?)$/, {
      error: (issue) =>
        `"${String(issue.input)}" is not an address: write an old slug, e.g. "old-headline", or a path on this site starting with /, e.g. "/2019/05/old-story.html"`,
    });
}
