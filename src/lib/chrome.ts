import { yearIn } from './dates.ts';
import type { Chrome, Content } from './model.ts';
import { childSections } from './sections.ts';

/**
 * The chrome every page shows around its content, from the newsroom's sections, pages and clock.
 * The year is the site's: a site in Shanghai built just after midnight on New Year's Day already
 * shows the new year, though it is still the old one in UTC.
 */
export function chromeOf(
  { sections, pages, now }: Pick<Content, 'sections' | 'pages' | 'now'>,
  timeZone: string,
): Chrome {
  return {
    sections: childSections('', sections.values()).map(({ id, name }) => ({ id, name })),
    footer: pages
      .filter((page) => page.data.footer)
      .map((page) => ({ title: page.data.title, url: page.url })),
    year: yearIn(now, timeZone),
  };
}
