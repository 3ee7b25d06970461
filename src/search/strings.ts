/** The UI strings the search dialog needs at run time, handed over by the page as JSON. */
import type { UiKey } from '../i18n/translate';

export const RUNTIME_KEYS = [
  'search.label',
  'search.label.all',
  'search.empty',
  'search.empty.all',
  'search.inLanguage',
  'search.loading',
  'search.noResults',
  'search.count.one',
  'search.count.other',
  'search.unavailable',
] as const satisfies readonly UiKey[];

export type SearchStrings = Record<(typeof RUNTIME_KEYS)[number], string>;
