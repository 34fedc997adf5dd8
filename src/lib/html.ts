/** Escaping for strings we put into markup ourselves (feeds, JSON-LD); Astro escapes page templates. */

/** Text safe for HTML or XML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Text safe for XML element content and attributes, with XML's named entities only: the feed
 * library re-parses our XML fragments and would show a numeric reference such as &#39; literally.
 */
export function escapeXml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Makes root-relative href and src URLs in `html` absolute, for feed readers. */
export function absolutizeUrls(html: string, origin: string): string {
  const base = origin.replace(/\/$/, '');
  return html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${base}/`);
}
