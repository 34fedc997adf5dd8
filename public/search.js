// Starts Pagefind's search interface on the search page and runs the query from ?q=, if any.
// An external file, not an inline script, so the page needs no script hash under the CSP.
window.addEventListener('DOMContentLoaded', () => {
  const ui = new window.PagefindUI({ element: '#search', showSubResults: true, showImages: false });
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
});
