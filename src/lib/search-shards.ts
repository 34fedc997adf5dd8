import { createHash } from 'node:crypto';

/**
 * The search index is split into shards. Pagefind cannot update an index, only write one from
 * every page, and at 10,000 articles that takes most of a minute's build; with shards, an edit
 * re-indexes only the shard of the edited page and every other shard is kept from the previous
 * build. Readers pay one more small request per shard when they search, so there are few.
 *
 * - The newest month's articles (the month of the newest article, in the site's timezone) are in
 *   `recentShardCount` shards, by a hash of the page's path: publishing a story re-indexes one of
 *   them, a month's pages at most (750 a shard at 100 stories a day). Until 4 December 2026 one in
 *   eight of the whole archive was re-indexed (12,500 pages at 100,000 articles, 20 s), then one of
 *   the newest year's (9,000 pages by December at 100 stories a day).
 * - An earlier month's are in the archive shard of its month (`month mod shardCount`, counted from
 *   January of year 0), so when a new month begins, the month before moves into one archive shard
 *   and the others stay; and an archive shard holds every eighth month, so a year is spread over
 *   all of them and an edit of an older story re-indexes an eighth of the archive, not its whole
 *   year (2,900 pages at 10,000 bench articles, 4.3 s, until 5 December 2026). Hashing keeps the
 *   recent shards alike, and months taken in turn keep the archive's alike, so ranking across them
 *   matches one index.
 *
 * The rule reads the content alone (not the clock, nor the partitions of a build), so a
 * partitioned build's index is a full build's, byte for byte.
 */
export const shardCount = 8;

/** Shards of the newest month's articles. */
export const recentShardCount = 4;

/** The folder of the site that holds the search index. */
export const searchIndexFolder = 'pagefind';

/** One shard of the search index. */
export interface Shard {
  /** Folder name under pagefind/. */
  name: string;
  /** The pages it indexes, as paths relative to the site root, sorted. */
  pages: string[];
  /** Digest of the indexer and of every page it indexes: equal digests, equal shards. */
  digest: string;
}

/**
 * What `pagefind/shards.json` holds: the search page reads `bundles`, the next build `shards`. The
 * digests stand for the page lists, which readers need not download.
 */
export interface ShardManifest {
  bundles: string[];
  shards: Pick<Shard, 'name' | 'digest'>[];
}

/** An article page as the search index plans it. */
export interface SearchPage {
  /** The digest of what search reads of it. */
  digest: string;
  /** The month of its publication, `YYYY-MM` in the site's timezone (none: taken as the newest). */
  month?: string | undefined;
}

/** The shard of `page`, of `month` (`YYYY-MM`), in an archive whose newest article is of `newest`. */
export function shardOf(page: string, month?: string, newest?: string): string {
  if (month !== undefined && newest !== undefined && month < newest) {
    const [year = 0, number = 1] = month.split('-').map(Number);
    return `a${(year * 12 + number - 1) % shardCount}`;
  }
  return `r${createHash('sha256').update(page).digest().readUInt32BE(0) % recentShardCount}`;
}

/**
 * Groups pages into shards. `indexer` names the indexer and its settings; a new Pagefind or new
 * settings change every digest, so no shard outlives them.
 */
export function planShards(pages: ReadonlyMap<string, SearchPage>, indexer: string): Shard[] {
  const newest = pages
    .values()
    .reduce<string | undefined>(
      (max, { month }) => (month === undefined || (max !== undefined && max >= month) ? max : month),
      undefined,
    );
  const byShard = new Map<string, string[]>();
  for (const page of [...pages.keys()].sort()) {
    const name = shardOf(page, pages.get(page)!.month, newest);
    const shard = byShard.get(name) ?? [];
    shard.push(page);
    byShard.set(name, shard);
  }
  return [...byShard]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, paths]) => {
      const hash = createHash('sha256').update(indexer);
      for (const page of paths) hash.update(`\0${page}\0${pages.get(page)!.digest}`);
      return { name, pages: paths, digest: hash.digest('hex') };
    });
}

export function manifestOf(shards: Shard[]): ShardManifest {
  return {
    bundles: shards.map((shard) => `/pagefind/${shard.name}/`),
    shards: shards.map(({ name, digest }) => ({ name, digest })),
  };
}

/**
 * The manifest in a previous site's shards.json, or undefined when it is not one (missing, cut
 * short, or written by hand): the build then indexes every shard instead of stopping.
 */
export function parseManifest(text: string | undefined): ShardManifest | undefined {
  try {
    const parsed = JSON.parse(text ?? '') as { bundles?: unknown; shards?: unknown } | null;
    const entries: unknown[] | undefined = Array.isArray(parsed?.shards) ? parsed.shards : undefined;
    const valid = entries?.every((entry) => {
      const shard = entry as Partial<Shard> | null;
      return typeof shard?.name === 'string' && typeof shard.digest === 'string';
    });
    return Array.isArray(parsed?.bundles) && valid ? (parsed as ShardManifest) : undefined;
  } catch {
    return undefined;
  }
}

/** The shards of `next` that `previous` already holds, page for page. */
export function reusableShards(next: Shard[], previous: ShardManifest | undefined): Set<string> {
  const before = new Map(previous?.shards.map((shard) => [shard.name, shard.digest]));
  return new Set(next.filter((shard) => before.get(shard.name) === shard.digest).map((s) => s.name));
}
