/**
 * The search dialog's behaviour, loaded on first opening: asks Pagefind as the reader
 * types and lists each page with its best sections. Focus stays in the field (a combobox);
 * the arrow keys move the active result and Enter follows it. A checkbox widens the search
 * to the other language's pages, which are then marked with their language.
 */
import { fill, formatCount, pluralForm } from '../i18n/fill';
import { loadPagefind } from './pagefind';
import { excerptParts, toPageHit, type PageHit } from './results';
import { saveScope, type SearchScope } from './scope';
import type { SearchStrings } from './strings';

/**
 * Pages whose fragments are fetched and listed, best first. Above the guide's page count in both
 * languages, so the count announced is the count listed, even when both languages are searched.
 */
const MAX_PAGES = 24;
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
  const scopeBox = dialog.querySelector<HTMLInputElement>('[data-search-scope]');
  if (!list || !status || !scopeBox) return;
  const strings = JSON.parse(dialog.dataset.strings ?? '{}') as SearchStrings;
  // `closedby="any"` closes the dialog on a click outside it. Where that is not supported
  // (WebKitGTK 2.50), such a click reaches the dialog element itself, outside its box. (Here,
  // with the code the first opening brings, rather than in every page's first load.)
  if (!('closedBy' in dialog)) {
    dialog.addEventListener('click', (event) => {
      const box = dialog.getBoundingClientRect();
      const outside = event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
      if (event.target === dialog && outside) dialog.close();
    });
  }
  const pageLang = document.documentElement.lang;
  const languageName = new Intl.DisplayNames([pageLang], { type: 'language' });
  let options: HTMLAnchorElement[] = [];
  let active = -1;
  let latest = 0;
  const ready = new Set<SearchScope>();

  const scope = (): SearchScope => (scopeBox.checked ? 'all' : 'page');
  // Asked again on each search: a failed load (offline on first opening) is retried.
  const engine = (wanted: SearchScope) => {
    const loading = loadPagefind(wanted);
    loading.then(
      () => ready.add(wanted),
      () => {},
    );
    return loading;
  };
  void engine(scope()).catch(() => {}); // starts the download while the reader types

  // The field's name and the empty state say which pages are searched.
  const describeScope = (): void => {
    const all = scope() === 'all';
    input.setAttribute('aria-label', strings[all ? 'search.label.all' : 'search.label']);
    if (!input.value.trim()) status.textContent = strings[all ? 'search.empty.all' : 'search.empty'];
  };

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

  /** For a page in another language: its text is marked with that language, and its results say so. */
  const foreign = (lang: string | null) =>
    lang && lang !== pageLang ? { lang, label: fill(strings['search.inLanguage'], { language: languageName.of(lang) ?? lang }) } : null;

  const option = (url: string, title: string, excerpt: string, other: ReturnType<typeof foreign>): HTMLAnchorElement => {
    const link = element('a', 'search__option');
    link.href = url;
    link.id = `search-option-${options.length}`;
    link.tabIndex = -1;
    link.setAttribute('role', 'option');
    link.setAttribute('aria-selected', 'false');
    const heading = element('span', 'search__section', title);
    const text = element('span', 'search__excerpt');
    for (const part of excerptParts(excerpt)) text.append(part.mark ? element('mark', '', part.text) : part.text);
    link.append(heading, text);
    if (other) {
      link.hreflang = other.lang;
      heading.lang = text.lang = other.lang;
      link.append(element('span', 'sr-only', ` (${other.label})`));
    }
    options.push(link);
    return link;
  };

  const render = (hits: PageHit[]): void => {
    options = [];
    active = -1;
    list.replaceChildren(
      ...hits.map((hit) => {
        const other = foreign(hit.lang);
        const group = element('div', 'search__group');
        group.setAttribute('role', 'group');
        group.setAttribute('aria-label', other ? `${hit.title} (${other.label})` : hit.title);
        const heading = element('div', 'search__page');
        heading.setAttribute('aria-hidden', 'true');
        const name = element('span', '', hit.title);
        heading.append(name);
        if (other) {
          name.lang = other.lang;
          const badge = element('abbr', 'search__lang', other.lang.toUpperCase());
          badge.title = other.label;
          heading.append(badge);
        }
        group.append(heading, ...hit.sections.map((s) => option(s.url, s.title, s.excerpt, other)));
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
      describeScope();
      return;
    }
    const wanted = scope();
    if (!ready.has(wanted)) status.textContent = strings['search.loading'];
    try {
      const found = await (await engine(wanted)).debouncedSearch(query, {}, DEBOUNCE_MS);
      if (!found || mine !== latest) return; // a later keystroke has taken over
      const hits = (await Promise.all(found.results.slice(0, MAX_PAGES).map((r) => r.data()))).map(toPageHit);
      if (mine !== latest) return;
      render(hits);
      const n = found.results.length;
      status.textContent =
        n === 0
          ? fill(strings['search.noResults'], { query })
          : fill(strings[`search.count.${pluralForm(pageLang, n)}`], { n: formatCount(pageLang, n) });
    } catch {
      if (mine !== latest) return;
      render([]);
      status.textContent = strings['search.unavailable'];
    }
  };

  input.addEventListener('input', () => void search());
  scopeBox.addEventListener('change', () => {
    saveScope(scope());
    describeScope();
    void search();
  });
  // Clicked (not toggled from the keyboard): back to the field, where the reader goes on typing.
  scopeBox.addEventListener('click', (event) => {
    if (event.detail > 0) input.focus();
  });
  describeScope();
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
