import { statSync } from 'node:fs';
import { keptRecord } from './kept-record.ts';

/**
 * What the build works out from an article file (the digest of its text, its date), kept between
 * builds in a record by the file's stamp: its size, modification and change times and inode. Any
 * write to a file changes its change time, which no program can set back, and replacing it changes
 * its inode; so a file whose stamp is the recorded one holds the bytes it held, and is not read.
 * Reading every file of an archive of 100,000 articles took 2–3 s, where looking at their stamps
 * takes 0.6 s.
 *
 * The clock that stamps files ticks coarsely (milliseconds), so a file written twice within one
 * tick, at the same size, keeps its stamp: as git does with its index, the stamp of a file changed
 * in the `settling` time before it was looked at is not trusted, and the file is read next time too.
 */
export function fileStamps<Value>(path: string, version: string, now = Date.now()) {
  const record = keptRecord<{ stamp: string; value: Value }>(path, version);
  return {
    /** The value of `file`: the one kept for it if its stamp is the recorded one, else `make`'s. */
    value(file: string, make: () => Value): Value {
      const stats = statSync(file, { bigint: true, throwIfNoEntry: false });
      const stamp = stats && `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}:${stats.dev}`;
      const kept = record.kept(file);
      if (stamp !== undefined && kept?.stamp === stamp) {
        record.put(file, kept);
        return kept.value;
      }
      const value = make();
      if (stats && Number(stats.ctimeMs) < now - settling) record.put(file, { stamp: stamp!, value });
      return value;
    },
    save: record.save,
  };
}

/** How long before it is looked at a file must have been left alone for its stamp to be trusted. */
const settling = 2_000;
