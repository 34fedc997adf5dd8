// Starts Pagefind's search interface on the search page and runs the query from ?q=, if any.
// An external file, not an inline script, so the page needs no script hash under the CSP.
// The index is split into shards (src/lib/search-shards.ts) listed in shards.json: the first is
// the interface's own bundle and the others are merged into it.
window.addEventListener('DOMContentLoaded', async () => {
  const box = document.querySelector('#search');
  const response = await fetch('/pagefind/shards.json');
  // No index: the dev server before any production build (the page's preview note says what to do).
  if (!response.ok) {
    box.textContent = 'The search index could not be loaded.';
    return;
  }
  const { bundles } = await response.json();
  const [primary, ...others] = bundles;
  if (!primary) {
    box.textContent = 'Nothing has been published yet.';
    return;
  }
  const ui = new window.PagefindUI({
    element: box,
    bundlePath: primary,
    mergeIndex: others.map((bundlePath) => ({ bundlePath })),
    showSubResults: true,
    showImages: false,
  });
  // Pagefind's input has only a placeholder, which disappears as a reader types: give it a visible
  // label, worded in SearchBox.astro (axe: label-title-only). Made here, beside the input it names,
  // so that without JavaScript there is no label without a field.
  const input = box.querySelector('input');
  const label = document.createElement('label');
  label.className = 'search-label';
  label.htmlFor = input.id = 'search-input';
  label.textContent = box.dataset.label;
  box.prepend(label);
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
});
