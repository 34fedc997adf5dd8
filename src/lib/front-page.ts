import type { Article, Section, Series } from './model.ts';
import { childSections, sectionLineage } from './sections.ts';

/** What the front page shows, chosen from the newest published articles. */
export interface FrontPage {
  /** The newest featured article, else the newest. */
  lead?: Article | undefined;
  /** The next newest stories after the lead. */
  top: Article[];
  /** One band per top-level section with its newest headlines not already above. */
  bands: { section: Section; articles: Article[] }[];
  /** Series with at least one published part, newest activity first. */
  specialReports: { series: Series; latest: Article; published: number }[];
}

/** Lays out the front page from articles sorted newest first. Linear in the number of articles. */
export function frontPage(
  articles: Article[],
  sections: Map<string, Section>,
  { topCount = 4, bandCount = 4 }: { topCount?: number; bandCount?: number } = {},
): FrontPage {
  const lead = articles.find((article) => article.data.featured) ?? articles[0];
  const top = articles.filter((article) => article !== lead).slice(0, topCount);
  const shown = new Set([lead, ...top]);

  const bands = childSections('', sections.values()).map((section) => ({
    section,
    articles: [] as Article[],
  }));
  const bandOf = new Map(bands.map((band) => [band.section.id, band]));
  const reports = new Map<string, FrontPage['specialReports'][number]>();
  for (const article of articles) {
    const band = bandOf.get(sectionLineage(article.section.id)[0]!);
    if (band && !shown.has(article) && band.articles.length < bandCount) band.articles.push(article);
    if (article.series) {
      const { series } = article.series;
      const report = reports.get(series.id);
      if (report) report.published += 1;
      else reports.set(series.id, { series, latest: article, published: 1 });
    }
  }
  return {
    lead,
    top,
    bands: bands.filter((band) => band.articles.length > 0),
    specialReports: [...reports.values()],
  };
}

/** Every article the front page shows, once each: the newest change among them dates the page. */
export function frontPageArticles(front: FrontPage): Article[] {
  const shown = [
    front.lead,
    ...front.top,
    ...front.bands.flatMap((band) => band.articles),
    ...front.specialReports.map((report) => report.latest),
  ];
  return [...new Set(shown.filter((article) => article !== undefined))];
}
