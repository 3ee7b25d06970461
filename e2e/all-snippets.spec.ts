/**
 * Every snippet of every page, in both languages, run in Chromium as a reader would run it:
 * no unexpected error, and a snippet meant to fail fails with its lesson.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LANGS } from '../src/i18n/locales';
import { pagePath } from '../src/i18n/paths';
import { parseSnippet } from '../src/snippet/source';
import { pageFiles, readPage } from '../tests/site/content-files';
import { run, settled, snippet } from './helpers';

for (const lang of LANGS) {
  for (const file of pageFiles(lang)) {
    const page = readPage(lang, file);
    if (page.snippetIds.length === 0) continue;
    const path = pagePath(lang, page.frontmatter.key ?? '');

    test(`${path}: every snippet runs as the page says`, async ({ page: tab }) => {
      test.setTimeout(30_000 + 20_000 * page.snippetIds.length);
      const problems: string[] = [];
      tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await tab.goto(path);
      for (const id of page.snippetIds) {
        const source = parseSnippet(id, readFileSync(`content/snippets/${id}.js`, 'utf8'), lang);
        const root = snippet(tab, id);
        await root.scrollIntoViewIfNeeded();
        await run(root, lang);
        expect(await settled(root, source.timeoutMs + 15_000), id).toBe('done');
        const errors = root.locator('[data-output] [data-error]');
        if (source.expectError) {
          // The lesson: the expected error, marked as such, with the text the page promises.
          await expect(errors.first(), id).toHaveAttribute('data-expected', 'true');
          await expect(errors.first(), id).toContainText(source.expectError);
        } else {
          await expect(errors, `${id}: ${await errors.allInnerTexts()}`).toHaveCount(0);
          await expect(root.locator('[data-output] [data-shown], [data-output] [data-log]').first(), id).toBeVisible();
        }
      }
      expect(problems).toEqual([]);
    });
  }
}
