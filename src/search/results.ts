/** Turns Pagefind's answers into what the dialog lists: pages, each with its best sections. */
import { langFromPath } from '../i18n/paths';
import type { Lang } from '../i18n/locales';
import type { PagefindFragment } from './pagefind';

interface SectionLink {
  title: string;
  /** With `#id` when the match is under a heading, so following it lands on that section. */
  url: string;
  excerpt: string;
}

export interface PageHit {
  title: string;
  url: string;
  /** The page's language, from its URL (/fr/…): a search over every language mixes them. */
  lang: Lang | null;
  sections: SectionLink[];
}

/** More than a few sections per page drowns the other pages. */
export const MAX_SECTIONS = 3;

/** The page's best-matching sections, best first (Pagefind lists them in page order). */
export function toPageHit(fragment: PagefindFragment): PageHit {
  const title = fragment.meta.title ?? fragment.url;
  const ranked = fragment.sub_results
    .map((sub, order) => ({ sub, order, score: sub.weighted_locations.reduce((sum, w) => sum + w.balanced_score, 0) }))
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const sections = ranked.slice(0, MAX_SECTIONS).map(({ sub }) => ({ title: sub.title, url: sub.url, excerpt: sub.excerpt }));
  if (sections.length === 0) sections.push({ title, url: fragment.url, excerpt: fragment.excerpt });
  return { title, url: fragment.url, lang: langFromPath(fragment.url), sections };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

/**
 * An excerpt as plain text runs, `mark` where Pagefind highlighted the query. Pagefind
 * escapes the page text and adds only <mark>, so no markup is ever parsed from it.
 */
export function excerptParts(excerpt: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') {
      mark = piece === '<mark>';
      continue;
    }
    const text = piece.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '');
    if (text) parts.push({ text, mark });
  }
  return parts;
}
