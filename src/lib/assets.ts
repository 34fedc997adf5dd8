/**
 * The files under `_astro/` that a built text file (page, feed, stylesheet, script) names. A name ends
 * where a URL does in any of the places it is written: HTML and CSS, a srcset, HTML escaped in XML
 * (`&quot;`) or in a JSON string (`\"`). Astro replaces `"`, `&`, `<`, `>` and `,` in the file names it
 * writes; quotes, brackets, spaces and backslashes end a name too, since they end its URL in a srcset,
 * in CSS or in JSON.
 */
export function* assetReferences(text: string): Generator<string> {
  for (const match of text.matchAll(/_astro\/([^"'()\s,?#&<>\\]+)/g)) {
    try {
      yield decodeURIComponent(match[1]!);
    } catch {
      // Not a URL after all (a stray `%`): what it names is nothing to keep.
    }
  }
}
