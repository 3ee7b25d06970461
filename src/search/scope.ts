/**
 * Which pages a search covers: the page's language (the default) or every language.
 * The reader's choice is kept across pages and visits; without storage it lasts for the page.
 */
export type SearchScope = 'page' | 'all';

const KEY = 'search-scope';

export function savedScope(): SearchScope {
  try {
    return localStorage.getItem(KEY) === 'all' ? 'all' : 'page';
  } catch {
    return 'page';
  }
}

export function saveScope(scope: SearchScope): void {
  try {
    if (scope === 'all') localStorage.setItem(KEY, scope);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode, sandbox): the checkbox still holds the choice for this page.
  }
}
