import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** What precedes a file name under `_astro/` in every URL Astro writes to it. */
const prefix = Buffer.from('_astro/');

/**
 * The bytes that end a name: where a URL ends in any of the places it is written (HTML and CSS, a
 * srcset, HTML escaped in XML as `&quot;` or in a JSON string as `\"`). Astro replaces `"`, `&`, `<`,
 * `>` and `,` in the file names it writes; quotes, brackets, spaces and backslashes end a name too,
 * since they end its URL in a srcset, in CSS or in JSON; `?` and `#` start a query or a fragment.
 */
const ends = new Set(Buffer.from(`"'(), \t\n\r\f\v?#&<>\\`));

/**
 * The files under `_astro/` that a built text file (page, feed, stylesheet, script) names. It is read
 * as bytes, not text: the 76 MB of feeds of a 10,000-article site took most of a second to decode,
 * for a few thousand names. A name's end is found byte by byte, which is exact in UTF-8, whose
 * multi-byte characters hold no ASCII byte; whitespace beyond ASCII is cut from the decoded name.
 */
export function* assetReferences(bytes: Buffer): Generator<string> {
  for (let at = bytes.indexOf(prefix); at !== -1; at = bytes.indexOf(prefix, at)) {
    const start = at + prefix.length;
    let end = start;
    while (end < bytes.length && !ends.has(bytes[end]!)) end += 1;
    at = end;
    if (end === start) continue;
    let name: string;
    try {
      name = decodeURIComponent(bytes.toString('utf8', start, end));
    } catch {
      // Not a URL after all (a stray `%`): what it names is nothing to keep.
      continue;
    }
    // Any other whitespace (a non-breaking or thin space after a URL in prose) ends it too: its
    // bytes are not ASCII, so it is cut here, in the rare name that holds one.
    name = name.split(/\s/, 1)[0]!;
    if (name) yield name;
  }
}

/** The buffer `assetsInFile` reads into, grown to the longest file read yet. */
let scratch = Buffer.allocUnsafe(256 * 1024);

/**
 * The files under `_astro/` that the built text file at `path` names, each once, in the order they
 * come (`assetReferences`). Every file is read into one buffer, kept for the next: a buffer for
 * each, as `readFileSync` gives, is memory outside V8's heap, which V8 answers with a full garbage
 * collection every few megabytes. With the large heap of a build at 100,000 articles, reading its
 * 136,000 pages (4.9 GB) so took 70 s, 47 of them collecting garbage.
 */
export function assetsInFile(path: string): string[] {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > scratch.length) scratch = Buffer.allocUnsafe(size);
    let length = 0;
    while (length < size) {
      const read = readSync(fd, scratch, length, size - length, length);
      if (read === 0) break;
      length += read;
    }
    return [...new Set(assetReferences(scratch.subarray(0, length)))];
  } finally {
    closeSync(fd);
  }
}
