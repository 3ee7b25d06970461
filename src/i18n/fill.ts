/**
 * Filling a UI string's `{name}` placeholders and choosing its plural form. No dictionary here,
 * so a chunk that is handed its strings (the search dialog) can use it without carrying them all.
 */
export type Vars = Record<string, string | number>;

/** A template with `{name}` placeholders filled in (values as text, never markup). */
export function fill(template: string, vars: Vars = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * A template split around placeholders so some can be elements (a number inside its own
 * `<span data-...>`); string values stay text.
 */
export function fillNodes(template: string, vars: Record<string, string | Node>): (string | Node)[] {
  const parts: (string | Node)[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const value = vars[m[1] ?? ''];
    if (value === undefined) continue;
    parts.push(template.slice(last, m.index), value);
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  return parts.filter((p) => p !== '');
}

const plurals = new Map<string, Intl.PluralRules>();
const counts = new Map<string, Intl.NumberFormat>();

/** A count in the language `tag`, with its thousands separator (fr: 1 234, a narrow no-break space). */
export function formatCount(tag: string, n: number): string {
  let format = counts.get(tag);
  if (!format) counts.set(tag, (format = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 })));
  return format.format(n);
}

/** Which of a `.one` / `.other` pair the language `tag` uses for `n` (French CLDR's "many", for millions, reads as "other"). */
export function pluralForm(tag: string, n: number): 'one' | 'other' {
  let rules = plurals.get(tag);
  if (!rules) plurals.set(tag, (rules = new Intl.PluralRules(tag)));
  return rules.select(n) === 'one' ? 'one' : 'other';
}
