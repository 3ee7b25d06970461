/**
 * The search dialog's behaviour, loaded on first opening: asks Pagefind as the reader
 * types and lists each page with its best sections. Focus stays in the field (a combobox);
 * the arrow keys move the active result and Enter follows it.
 */
import { loadPagefind } from './pagefind';
import { excerptParts, toPageHit, type PageHit } from './results';
import type { SearchStrings } from './strings';

/** Pages whose fragments are fetched and listed; Pagefind's ranking puts the useful ones first. */
const MAX_PAGES = 8;
const DEBOUNCE_MS = 120;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function attachSearch(dialog: HTMLDialogElement, input: HTMLInputElement): void {
  const list = dialog.querySelector<HTMLElement>('[role="listbox"]');
  const status = dialog.querySelector<HTMLElement>('[data-search-status]');
  if (!list || !status) return;
  const strings = JSON.parse(dialog.dataset.strings ?? '{}') as SearchStrings;
  const plural = new Intl.PluralRules(document.documentElement.lang);
  let options: HTMLAnchorElement[] = [];
  let active = -1;
  let latest = 0;
  let ready = false;

  // Asked again on each search: a failed load (offline on first opening) is retried.
  const engine = () => {
    const loading = loadPagefind();
    loading.then(() => (ready = true), () => {});
    return loading;
  };
  void engine().catch(() => {}); // starts the download while the reader types

  const select = (index: number, scroll = true): void => {
    options[active]?.setAttribute('aria-selected', 'false');
    active = index;
    const current = options[active];
    if (!current) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    current.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', current.id);
    if (scroll) current.scrollIntoView({ block: 'nearest' });
  };

  const option = (url: string, title: string, excerpt: string): HTMLAnchorElement => {
    const link = element('a', 'search__option');
    link.href = url;
    link.id = `search-option-${options.length}`;
    link.tabIndex = -1;
    link.setAttribute('role', 'option');
    link.setAttribute('aria-selected', 'false');
    const text = element('span', 'search__excerpt');
    for (const part of excerptParts(excerpt)) text.append(part.mark ? element('mark', '', part.text) : part.text);
    link.append(element('span', 'search__section', title), text);
    options.push(link);
    return link;
  };

  const render = (hits: PageHit[]): void => {
    options = [];
    active = -1;
    list.replaceChildren(
      ...hits.map((hit) => {
        const group = element('div', 'search__group');
        group.setAttribute('role', 'group');
        group.setAttribute('aria-label', hit.title);
        const heading = element('div', 'search__page', hit.title);
        heading.setAttribute('aria-hidden', 'true');
        group.append(heading, ...hit.sections.map((s) => option(s.url, s.title, s.excerpt)));
        return group;
      }),
    );
    list.hidden = options.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    select(options.length > 0 ? 0 : -1, false);
    list.scrollTop = 0;
  };

  const search = async (): Promise<void> => {
    const query = input.value.trim();
    const mine = ++latest;
    if (!query) {
      render([]);
      status.textContent = strings['search.empty'];
      return;
    }
    if (!ready) status.textContent = strings['search.loading'];
    try {
      const found = await (await engine()).debouncedSearch(query, {}, DEBOUNCE_MS);
      if (!found || mine !== latest) return; // a later keystroke has taken over
      const hits = (await Promise.all(found.results.slice(0, MAX_PAGES).map((r) => r.data()))).map(toPageHit);
      if (mine !== latest) return;
      render(hits);
      const n = found.results.length;
      status.textContent =
        n === 0
          ? strings['search.noResults'].replace('{query}', query)
          : strings[plural.select(n) === 'one' ? 'search.count.one' : 'search.count.other'].replace('{n}', String(n));
    } catch {
      if (mine !== latest) return;
      render([]);
      status.textContent = strings['search.unavailable'];
    }
  };

  input.addEventListener('input', () => void search());
  input.addEventListener('keydown', (event) => {
    const n = options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (n > 0) select((active + (event.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      options[active]?.click();
    }
  });
  list.addEventListener('pointermove', (event) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('[role="option"]') : null;
    const index = target ? options.indexOf(target) : -1;
    if (index >= 0 && index !== active) select(index, false);
  });
  list.addEventListener('click', (event) => {
    if (!(event.target instanceof Element) || !event.target.closest('[role="option"]')) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey) return; // opens elsewhere: the reader stays here
    // The link navigates by itself; closing first matters when it only moves to a section of this page.
    dialog.dataset.followed = 'true';
    dialog.close();
  });
  if (input.value.trim()) void search(); // typed while this module was downloading
}
