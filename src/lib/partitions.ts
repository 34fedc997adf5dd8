/**
 * Partitions of a large archive (docs/architecture.md, "Scale: partitions"). Astro keeps one
 * manifest of every page it built and writes it as one string, which passes V8's limit near 100,000
 * articles; so an archive of more than `partitionSize` published articles is built as several Astro
 * builds, each rendering the pages of a run of years, and their outputs are merged.
 *
 * A page belongs to the year of its newest article: an article page to its own, a listing page to
 * that of the newest article it lists. Pages that belong to no year (the front page, feeds, the
 * sitemaps, search, static pages) belong to the newest partition, the one left open towards the
 * future. Years are grouped from the oldest, so publishing never moves an old partition's bounds.
 */

/** A run of years, both ends included; an open end reaches as far as there are articles. */
export interface Partition {
  from?: number | undefined;
  to?: number | undefined;
}

/** Published articles per partition above which an archive is partitioned (by default). */
export const partitionSize = 25_000;

/**
 * The partitions for published articles of these years (in the site timezone): consecutive years
 * from the oldest, each partition as many whole years as fit in `size` articles (at least one). An
 * archive that fits in one gets the single open partition, which is the whole site.
 */
export function planPartitions(years: readonly number[], size: number = partitionSize): Partition[] {
  const perYear = new Map<number, number>();
  for (const year of years) perYear.set(year, (perYear.get(year) ?? 0) + 1);
  const groups: number[][] = [];
  let count = 0;
  for (const year of [...perYear.keys()].sort((a, b) => a - b)) {
    const articles = perYear.get(year)!;
    const current = groups.at(-1);
    if (current && count + articles <= size) {
      current.push(year);
      count += articles;
    } else {
      groups.push([year]);
      count = articles;
    }
  }
  if (groups.length <= 1) return [{}];
  return groups.map((group, index) => ({
    from: index === 0 ? undefined : group[0],
    to: index === groups.length - 1 ? undefined : group.at(-1),
  }));
}

/** Whether a page of this year (undefined: a page of no year) is built in `partition`. */
export function inPartition(year: number | undefined, { from, to }: Partition): boolean {
  if (year === undefined) return to === undefined;
  return (from === undefined || year >= from) && (to === undefined || year <= to);
}

/** Whether `partition` is the one that builds the pages of no year (and the sitemaps). */
export function isNewest(partition: Partition): boolean {
  return partition.to === undefined;
}

/**
 * A partition's name, as BROADSHEET_PARTITION, the command line and the folders take it: `upto-1999`,
 * `2000-2009`, `from-2010`, or `all`.
 */
export function partitionName({ from, to }: Partition): string {
  if (from === undefined) return to === undefined ? 'all' : `upto-${to}`;
  return to === undefined ? `from-${from}` : `${from}-${to}`;
}

/** The partition a name gives (see `partitionName`); throws, saying what is expected, on anything else. */
export function parsePartition(name: string): Partition {
  if (name === 'all') return {};
  const match = /^(?:upto-(\d{4})|from-(\d{4})|(\d{4})-(\d{4}))$/.exec(name);
  const from = match?.[2] ?? match?.[3];
  const to = match?.[1] ?? match?.[4];
  if (!match || (from !== undefined && to !== undefined && Number(from) > Number(to))) {
    throw new Error(
      `"${name}" is not a partition: use a run of years such as 2000-2009, upto-1999, from-2010 or all`,
    );
  }
  return {
    from: from === undefined ? undefined : Number(from),
    to: to === undefined ? undefined : Number(to),
  };
}
