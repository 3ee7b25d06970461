/**
 * Runs every snippet of one page, in English and in French, through the runner the page
 * uses. The English run goes through the page's checks (the figures its prose quotes);
 * the French run must compute exactly the same, in French: every label, console line and
 * message that comes from a ⟦en|fr⟧ marker is the French text, every `// @fr` comment is
 * in the code and no `// @en` one, and everything else is identical to the English run.
 * A snippet on the page without a check, or a check without its snippet, fails.
 */
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../../src/i18n/locales';
import type { ShownData } from '../../src/snippet/protocol';
import { runSnippetFile, type RunResult } from '../../src/snippet/node/run';
import { readPage, readSnippet, readSnippetFile } from '../../src/collection/files';

/** What a page says its snippet shows, checked on the English run. */
export type Check = (run: RunResult) => void | Promise<void>;

const runs = new Map<string, Promise<RunResult>>();

/** One run per snippet and language, shared by the tests that need it. */
function runOnce(id: string, lang: Lang): Promise<RunResult> {
  const key = `${id}/${lang}`;
  let run = runs.get(key);
  if (!run) {
    run = runSnippetFile(id, lang);
    runs.set(key, run);
  }
  return run;
}

export function describePage(page: string, checks: Record<string, Check>): void {
  describe(`${page}: every snippet has a check`, () => {
    for (const lang of LANGS) {
      it(lang, () => {
        expect(readPage(lang, `${page}.mdx`).snippetIds).toEqual(Object.keys(checks));
      });
    }
  });

  describe.concurrent(`${page}: snippets`, () => {
    for (const [id, check] of Object.entries(checks)) {
      it(`${id} (en): shows what the page says`, async () => {
        const run = await runOnce(id, 'en');
        expect(run.timedOut, 'timed out').toBe(false);
        await check(run);
      });

      it(`${id} (fr): the same run, in French`, async () => {
        const [en, fr] = await Promise.all([runOnce(id, 'en'), runOnce(id, 'fr')]);
        expectSameRunInFrench(id, en, fr);
      });
    }
  });
}

// ---------------------------------------------------------------------------
// The French run

interface Marker {
  en: string;
  fr: string;
}

/** The ⟦en|fr⟧ markers of a snippet file, longest English text first. */
function markers(raw: string): Marker[] {
  return [...raw.matchAll(/⟦([^⟦⟧|]*)\|([^⟦⟧|]*)⟧/g)].map((m) => ({ en: m[1]!, fr: m[2]! })).sort((a, b) => b.en.length - a.en.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A `${...}` part of a template marker. */
const INTERPOLATION = /\$\{[^}]*\}/g;
const hasInterpolation = (s: string) => /\$\{[^}]*\}/.test(s);

/**
 * The French text the run must produce where the English run produced `en`: the marker's
 * French side when `en` is one marker's English side (a template marker's `${...}` parts
 * match anything, and are carried over in order), or null when no marker produced it.
 */
function frenchFor(en: string, all: Marker[]): string | null {
  for (const m of all) {
    if (m.en === en) return m.fr;
    if (!hasInterpolation(m.en)) continue;
    const pattern = new RegExp(`^${m.en.split(INTERPOLATION).map(escape).join('([^]*?)')}$`);
    const found = pattern.exec(en);
    if (found) {
      let i = 1;
      return m.fr.replace(INTERPOLATION, () => found[i++] ?? '');
    }
  }
  return null;
}

/** `fr` is the French of `en`: the marker's French text, or the same text when no marker made it. */
function expectFrenchOf(what: string, en: string, fr: string, all: Marker[]): void {
  const expected = frenchFor(en, all);
  expect(fr, `${what}: "${en}"`).toBe(expected ?? en);
}

/** Shown data with its text replaced by a placeholder, compared apart. */
function withoutText(data: ShownData): ShownData {
  return data.kind === 'text' ? { kind: 'text', text: '…' } : data;
}

function expectSameRunInFrench(id: string, en: RunResult, fr: RunResult): void {
  const raw = readSnippetFile(id);
  const all = markers(raw);

  // The code the French page shows: French comments and inline text only.
  const [enSource, frSource] = [readSnippet(id, 'en'), readSnippet(id, 'fr')];
  expect(frSource.code).not.toMatch(/[⟦⟧]/);
  const comments = (lang: Lang) => [...raw.matchAll(new RegExp(`^\\s*// @${lang} (.*)$`, 'gm'))].map((m) => `// ${m[1]!.trim()}`);
  for (const line of comments('fr')) expect(frSource.code, 'French comment').toContain(line);
  for (const line of comments('en')) {
    if (!comments('fr').includes(line)) expect(frSource.code, 'English comment left in the French code').not.toContain(line);
  }
  for (const { en: enText, fr: frText } of all) {
    if (enText !== frText && !hasInterpolation(enText)) expect(frSource.code).toContain(frText);
  }
  expect(frSource.expectError).toBe(enSource.expectError);

  // The same outcome, step for step.
  expect(fr.timedOut, 'timed out').toBe(false);
  expect(fr.done?.ok).toBe(en.done?.ok);
  expect(fr.done && { tensors: fr.done.leakedTensors, variables: fr.done.leakedVariables }).toEqual(
    en.done && { tensors: en.done.leakedTensors, variables: en.done.leakedVariables },
  );
  expect(fr.fitEpochs.map((e) => [e.epoch, e.logs])).toEqual(en.fitEpochs.map((e) => [e.epoch, e.logs]));
  expect(fr.shows.map((s) => withoutText(s.data))).toEqual(en.shows.map((s) => withoutText(s.data)));

  // Every label comes from a marker, and reads in French.
  expect(fr.shows).toHaveLength(en.shows.length);
  en.shows.forEach((s, i) => {
    const frShow = fr.shows[i]!;
    if (s.label === null) {
      expect(frShow.label).toBeNull();
      return;
    }
    expect(frenchFor(s.label, all), `label "${s.label}" comes from a ⟦en|fr⟧ marker`).not.toBeNull();
    expectFrenchOf(`label #${i}`, s.label, frShow.label ?? '', all);
    if (s.data.kind === 'text' && frShow.data.kind === 'text') expectFrenchOf(`text #${i}`, s.data.text, frShow.data.text, all);
  });
  expect(fr.logs.map((l) => l.level)).toEqual(en.logs.map((l) => l.level));
  en.logs.forEach((l, i) => expectFrenchOf(`console line #${i}`, l.text, fr.logs[i]!.text, all));
  expect(fr.errors).toHaveLength(en.errors.length);
  // (Their locations may differ: the two languages' comments need not take as many lines.)
  en.errors.forEach((e, i) => expectFrenchOf(`error #${i}`, e.message, fr.errors[i]!.message, all));
  if (frSource.expectError) expect(fr.errors[0]?.message).toContain(frSource.expectError);
}
