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
