/**
 * The one way to write a UI string or a number for the reader: `translator(lang)` gives the
 * language's strings filled in, its plurals, and its counts, numbers and durations, so a run
 * of 1534 ms reads the same ("1.5 s", « 1,5 s ») wherever the site says it.
 */
import { fill, fillNodes, formatCount, pluralForm, type Vars } from './fill';
import { LANG_TAGS, type Lang } from './locales';
import { en, type Dict, type UiKey } from './strings/en';
import { fr } from './strings/fr';

export type { Dict, UiKey };

/** Every language's dictionary. */
export const strings: Record<Lang, Dict> = { en, fr };

/** Keys that come in a `.one` / `.other` pair, named without the suffix. */
type PluralKey = { [K in UiKey]: K extends `${infer B}.one` ? B : never }[UiKey];

export interface Translator {
  readonly lang: Lang;
  /** The string for `key`, its `{name}` placeholders filled in as text. */
  t(key: UiKey, vars?: Vars): string;
  /** The form of `key` for `n` (`key.one` or `key.other`), with `{n}` the formatted count. */
  plural(key: PluralKey, n: number, vars?: Vars): string;
  /** Which key of the pair `key.one` / `key.other` the language uses for `n`. */
  pluralKey(key: PluralKey, n: number): UiKey;
  /** The string for `key` split around its placeholders, so some can be elements. */
  nodes(key: UiKey, vars: Record<string, string | Node>): (string | Node)[];
  /** Parts of one sentence, joined by the language's semicolon (fr: with a narrow no-break space before it). */
  list(parts: readonly string[]): string;
  /** A count, with the language's thousands separator (fr: 1 234, with a narrow no-break space). */
  count(n: number): string;
  /** A measured value, compactly: integers as they are, else 4 significant digits, an exponent for tiny or huge magnitudes. */
  number(v: number): string;
  /** A duration: "42 ms" under a second, "1.5 s" above (« 1,5 s »). */
  duration(ms: number): string;
}

const made = new Map<Lang, Translator>();

export function translator(lang: Lang): Translator {
  let found = made.get(lang);
  if (!found) made.set(lang, (found = create(lang)));
  return found;
}

function create(lang: Lang): Translator {
  const dict = strings[lang];
  const tag = LANG_TAGS[lang];
  // Intl objects are costly to build and a matrix formats up to ~1000 numbers: one of each.
  const format = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(tag, options);
  const integers = format({ maximumFractionDigits: 0, useGrouping: false });
  const scientific = format({ notation: 'scientific', maximumSignificantDigits: 4 });
  const significant = format({ maximumSignificantDigits: 4, useGrouping: false });
  const seconds = format({ maximumFractionDigits: 1 });
  const pluralKey = (key: PluralKey, n: number) => `${key}.${pluralForm(tag, n)}` as UiKey;
  return {
    lang,
    t: (key, vars) => fill(dict[key], vars),
    plural: (key, n, vars = {}) => fill(dict[pluralKey(key, n)], { n: formatCount(tag, n), ...vars }),
    pluralKey,
    nodes: (key, vars) => fillNodes(dict[key], vars),
    list: (parts) => parts.join(dict['output.listSeparator']),
    count: (n) => formatCount(tag, n),
    number(v) {
      if (Number.isNaN(v)) return 'NaN';
      if (v === 0) return '0';
      const abs = Math.abs(v);
      if (!Number.isFinite(v) || (Number.isInteger(v) && abs < 1e6)) return integers.format(v);
      if (abs >= 1e4 || abs < 1e-3) return scientific.format(v).replace('E', 'e');
      return significant.format(v);
    },
    // SI symbols in every language (Intl's own unit names differ: "sec", « s »), after a no-break space.
    duration: (ms) => (ms < 1000 ? `${integers.format(Math.round(ms))}\u00a0ms` : `${seconds.format(ms / 1000)}\u00a0s`),
  };
}
