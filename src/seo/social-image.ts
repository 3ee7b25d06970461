/**
 * PNG images drawn at build time with resvg: the social card of each page (1200x630) and
 * the app icons. Only the DejaVu files shipped in node_modules are used, never the
 * machine's fonts, so the images come out the same on every build machine.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { CARD } from './meta';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT = 'DejaVu Sans';
const RENDER: ResvgRenderOptions = {
  font: {
    fontFiles: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => join(fontDir, file)),
    loadSystemFonts: false,
    defaultFontFamily: FONT,
  },
};

/** The favicon's mark (public/favicon.svg), as a path in a 32x32 box. */
const MARK = 'M7 26 14.5 6h3.2L26 26h-4l-6-15.5L11 26z';
const ACCENT = '#0b5cad';

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

function render(svg: string): Buffer {
  return new Resvg(svg, RENDER).render().asPng();
}

const widths = new Map<string, number>();

/** Rendered width of a line of text, measured by resvg itself so wrapping matches the drawing. */
function textWidth(text: string, size: number, bold: boolean): number {
  const key = `${size}${bold ? 'b' : ''}:${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="0" y="150" font-family="${FONT}" font-size="${size}"${bold ? ' font-weight="bold"' : ''}>${escapeXml(text)}</text></svg>`;
    const box = new Resvg(svg, RENDER).getBBox();
    width = box ? box.x + box.width : 0; // from the pen's start, as the line will be drawn
    widths.set(key, width);
  }
  return width;
}

/** Greedy word wrap; the last allowed line ends with an ellipsis when the text does not fit. */
export function wrap(text: string, size: number, bold: boolean, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Only ordinary spaces break: French no-break spaces keep ? ! : and » with the word before.
  const words = text.split(/[ \t\n]+/).filter(Boolean);
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || textWidth(candidate, size, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      let last = lines.pop() ?? '';
      // The ellipsis follows the last word kept, as in print, without the punctuation it cut after.
      const cut = (kept: string) => `${kept.replace(/[\s,;:.\u00a0\u202f]+$/, '')}…`;
      while (last.includes(' ') && textWidth(cut(last), size, bold) > maxWidth) last = last.slice(0, last.lastIndexOf(' '));
      lines.push(cut(last));
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface CardText {
  title: string;
  description: string;
  siteName: string;
  /** The language's own name ("Français"), shown as a badge. */
  language: string;
}

/** A page's social card: site name and language on top, the title large, the description under it. */
export function socialCard({ title, description, siteName, language }: CardText): Buffer {
  const left = 96;
  const textWidthMax = CARD.width - left - 96;
  let titleSize = 72;
  let titleLines = wrap(title, titleSize, true, textWidthMax, 3);
  if (titleLines.length > 2) titleLines = wrap(title, (titleSize = 60), true, textWidthMax, 3);
  const descSize = 30;
  const descLines = wrap(description, descSize, false, textWidthMax, titleLines.length > 2 ? 2 : 3);
  const badgeSize = 26;
  const badgeWidth = textWidth(language, badgeSize, true) + 40;
  const titleTop = 250;
  const titleLead = Math.round(titleSize * 1.18);
  const descTop = titleTop + (titleLines.length - 1) * titleLead + 70;
  const tspans = (lines: string[], lead: number) =>
    lines.map((line, i) => `<tspan x="${left}" dy="${i === 0 ? 0 : lead}">${escapeXml(line)}</tspan>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <rect width="24" height="100%" fill="${ACCENT}"/>
  <rect x="0" y="${CARD.height - 12}" width="100%" height="12" fill="#e3eefb"/>
  <g transform="translate(${left} 72)"><rect width="72" height="72" rx="14" fill="${ACCENT}"/><path transform="scale(2.25)" fill="#ffffff" d="${MARK}"/></g>
  <text x="${left + 96}" y="121" font-family="${FONT}" font-weight="bold" font-size="36" fill="#1b1f24">${escapeXml(siteName)}</text>
  <rect x="${CARD.width - 96 - badgeWidth}" y="82" width="${badgeWidth}" height="52" rx="26" fill="#e3eefb"/>
  <text x="${CARD.width - 96 - badgeWidth / 2}" y="117" text-anchor="middle" font-family="${FONT}" font-weight="bold" font-size="${badgeSize}" fill="${ACCENT}">${escapeXml(language)}</text>
  <text x="${left}" y="${titleTop}" font-family="${FONT}" font-weight="bold" font-size="${titleSize}" fill="#1b1f24">${tspans(titleLines, titleLead)}</text>
  <text x="${left}" y="${descTop}" font-family="${FONT}" font-size="${descSize}" fill="#57606a">${tspans(descLines, 42)}</text>
</svg>`;
  return render(svg);
}

/** The app icon: the favicon's mark on the accent colour. `maskable` fills the square and keeps the mark in the safe zone. */
export function appIcon(size: number, maskable = false): Buffer {
  const shape = maskable
    ? `<rect width="32" height="32" fill="${ACCENT}"/><path transform="translate(6.4 6.4) scale(0.6)" fill="#ffffff" d="${MARK}"/>`
    : `<rect width="32" height="32" rx="6" fill="${ACCENT}"/><path fill="#ffffff" d="${MARK}"/>`;
  return render(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">${shape}</svg>`);
}
