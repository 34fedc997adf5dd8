import { createHash } from 'node:crypto';

/**
 * The search index is split into shards, each holding the article pages whose path hashes to it.
 * Pagefind cannot update an index, only write one from every page, and at 10,000 articles that
 * takes most of a minute's build; with shards, an edit re-indexes only the shard of the edited
 * page and every other shard is kept from the previous build. Hashing (rather than, say, years)
 * keeps the shards the same size and statistically alike, so ranking across them matches one
 * index, and a page never moves between shards as the archive grows. Readers pay one more small
 * request per shard when they search; eight keeps that low and the re-indexing to an eighth.
 */
export const shardCount = 8;

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

/** The shard a page belongs to, from its path alone. */
export function shardOf(page: string): string {
  return `s${createHash('sha256').update(page).digest().readUInt32BE(0) % shardCount}`;
}

/**
 * Groups pages (path and digest of their bytes) into shards. `indexer` names the indexer and its
 * settings; a new Pagefind or new settings change every digest, so no shard outlives them.
 */
export function planShards(pages: Map<string, string>, indexer: string): Shard[] {
  const byShard = new Map<string, string[]>();
  for (const page of [...pages.keys()].sort()) {
    const name = shardOf(page);
    const shard = byShard.get(name) ?? [];
    shard.push(page);
    byShard.set(name, shard);
  }
  return [...byShard]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, paths]) => {
      const hash = createHash('sha256').update(indexer);
      for (const page of paths) hash.update(`\0${page}\0${pages.get(page)}`);
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
