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

/** Makes root-relative href and src URLs in `html` absolute, for feed readers. */
export function absolutizeUrls(html: string, origin: string): string {
  const base = origin.replace(/\/$/, '');
  return html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${base}/`);
}
