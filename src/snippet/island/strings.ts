/** The island's UI strings in the page's language, with `{name}` placeholders filled as text. */
import { LANG_TAGS, type Lang } from '../../i18n/locales';
import { ui, type UiKey } from '../../i18n/ui';

export type Say = (key: UiKey, vars?: Record<string, string | number>) => string;

export function sayer(lang: Lang): Say {
  const dict = ui[lang];
  return (key, vars = {}) => dict[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** "42 ms", "1.5 s" / "1,5 s", with a no-break space before the unit. */
export function formatDuration(ms: number, lang: Lang): string {
  const seconds = ms >= 1000;
  const n = new Intl.NumberFormat(LANG_TAGS[lang], { maximumFractionDigits: seconds ? 1 : 0 }).format(seconds ? ms / 1000 : ms);
  return `${n}\u00a0${seconds ? 's' : 'ms'}`;
}
