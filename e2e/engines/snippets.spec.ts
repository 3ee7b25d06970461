/**
 * Every snippet of every page, in both languages, run as a reader runs it, in each engine:
 * it ends as the page says (a snippet meant to fail fails with its lesson, no other error),
 * and shows what the output rendered at build time shows (run in Node), so the same in
 * Chromium, Firefox and WebKit.
 */
import { LANGS } from '../../src/i18n/locales';
import { pagePath } from '../../src/i18n/paths';
import { pageFiles, readPage, readSnippet } from '../../src/collection/files';
import { expect, test } from './fixtures';
import { clickRun, differences, outputOf, settled } from './snippet';

for (const lang of LANGS) {
  for (const file of pageFiles(lang)) {
    const page = readPage(lang, file);
    if (page.snippetIds.length === 0) continue;
    const path = pagePath(lang, page.frontmatter.key ?? '');

    test(`${path}: every snippet runs as the page says`, async ({ tab }) => {
      test.setTimeout(60_000 + 20_000 * page.snippetIds.length);
      await tab.goto(path);
      for (const id of page.snippetIds) {
        const source = readSnippet(id, lang);
        const built = await outputOf(tab, id);
        expect(built.built, `${id} has its output from the build`).toBe(true);
        await clickRun(tab, id);
        expect(await settled(tab, id, source.timeoutMs + 20_000), `${tab.engine} ${id}`).toBe('done');
        const seen = await outputOf(tab, id);
        if (source.expectError) {
          // The lesson: the expected error, marked as such, with the text the page promises.
          expect(seen.errors[0]?.expected, `${id}: ${JSON.stringify(seen.errors)}`).toBe('true');
          expect(seen.errors[0]?.text).toContain(source.expectError);
        } else {
          expect(seen.errors, id).toEqual([]);
          expect(seen.shown.length + seen.logs.length, `${id} shows something`).toBeGreaterThan(0);
        }
        expect(seen.built).toBe(false);
        expect(differences(built, seen, tab.engine), `${tab.engine} ${id}: live output vs the build's`).toEqual([]);
      }
    });
  }
}
