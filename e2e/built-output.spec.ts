/**
 * Every snippet's output is in the page before anyone presses Run (rendered at build time):
 * readable without JavaScript and in print, replaced by the live output when Run is pressed
 * without the page jumping, brought back by Reset, hidden once the code is edited, and found
 * by search.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageFiles, readPage, snippetIds, snippetPath } from '../src/collection/files';
import { LANGS } from '../src/i18n/locales';
import { pagePath } from '../src/i18n/paths';
import { strings } from '../src/i18n/translate';
import { builtPages } from '../scripts/dist.mjs';
import { setCode, settled, snippet } from './helpers';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const lang of LANGS) {
    for (const file of pageFiles(lang)) {
      const { snippetIds, frontmatter } = readPage(lang, file);
      if (snippetIds.length === 0) continue;
      const path = pagePath(lang, frontmatter.key ?? '');
      test(`${path}: every snippet shows its output, on screen and in print`, async ({ page }) => {
        await page.goto(path);
        const note = strings[lang]['output.builtNote'].split('{version}')[0]!;
        for (const media of ['screen', 'print'] as const) {
          await page.emulateMedia({ media });
          for (const id of snippetIds) {
            const items = snippet(page, id).locator('[data-output][data-built] > [data-output-items]');
            await expect(items.locator('[data-built-note]'), `${id} (${media})`).toContainText(note);
            // What the run showed (values, layers, a console line) or the error it is about, then the footer.
            await expect(
              items.locator(':scope > [data-shown], :scope > [data-log], :scope > [data-error][data-expected="true"]').first(),
              id,
            ).toBeVisible();
            await expect(items.locator(':scope > [data-done]'), id).toBeVisible();
          }
        }
      });
    }
  }
});

/** Height of a snippet's output at every frame from now until it settles. */
async function heightsDuringRun(page: Page, id: string): Promise<{ before: number; lowest: number; after: number }> {
  return page.evaluate(
    (snippetId) =>
      new Promise((resolve) => {
        const root = document.querySelector<HTMLElement>(`[data-snippet="${snippetId}"]`)!;
        const output = root.querySelector<HTMLElement>('[data-output]')!;
        const before = output.getBoundingClientRect().height;
        let lowest = before;
        root.querySelector<HTMLElement>('[data-action="run"]')!.click();
        const watch = () => {
          if (['done', 'error', 'stopped'].includes(root.dataset.state ?? '') && !output.hasAttribute('aria-busy')) {
            resolve({ before, lowest, after: output.getBoundingClientRect().height });
            return;
          }
          lowest = Math.min(lowest, output.getBoundingClientRect().height);
          requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      }),
    id,
  );
}

test('Run replaces the built output with the live one, without a jump; Reset brings it back', async ({ page }) => {
  await page.goto('/en/state/');
  const root = snippet(page, 'state-lambda');
  const output = root.locator('[data-output]');
  const builtText = await output.locator('[data-shown]').allInnerTexts();
  await root.hover(); // the island loads on intent
  await expect(root.locator('.cm-content')).toBeVisible();
  const heights = await heightsDuringRun(page, 'state-lambda');
  expect(await settled(root)).toBe('done');
  // The area never shrank while the run replaced the built output, and ends about where it
  // started (the live footer's line says how long the run took, the built note is gone).
  expect(heights.lowest).toBeGreaterThanOrEqual(heights.before - 1);
  expect(Math.abs(heights.after - heights.before)).toBeLessThanOrEqual(24);
  await expect(output).not.toHaveAttribute('data-built');
  await expect(output.locator('[data-built-note]')).toHaveCount(0);
  await expect(output.locator('[data-done]')).toContainText('Ran in');
  expect(await output.locator('[data-shown]').allInnerTexts()).toEqual(builtText);

  await root.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(output).toHaveAttribute('data-built', '');
  await expect(output.locator('[data-built-note]')).toBeVisible();
  await expect(root).toHaveAttribute('data-state', 'idle');
  expect(await output.locator('[data-shown]').allInnerTexts()).toEqual(builtText);
});

test('an edited snippet shows no built output: typed, saved and reloaded, or from a share link', async ({ page }) => {
  await page.goto('/en/playground/');
  const root = snippet(page);
  const built = root.locator('[data-output][data-built]');
  await expect(built).toBeVisible();
  await setCode(root, 'show(1);');
  await expect(built).toBeHidden();
  await page.waitForTimeout(800); // saves are debounced
  await page.reload();
  // Hidden from the first paint, before any script but the bootstrap.
  await expect(root.locator('[data-output][data-built]')).toBeHidden();
  await root.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(root.locator('[data-output][data-built]')).toBeVisible();

  await page.goto('/en/playground/#snippet=playground&code=K87IL9cw0rQGAA');
  await expect(root.locator('.cm-content')).toContainText('show');
  await expect(root.locator('[data-output][data-built]')).toBeHidden();
});

/**
 * A number that only a snippet's output shows: not in any page's text nor in any snippet's code.
 * Found in the built page, so that a change of content picks another.
 */
function numberOnlyInOutput(lang: string): { path: string; value: string; section: string } {
  const sources = [...LANGS.flatMap((l) => pageFiles(l).map((f) => join('content', l, f))), ...snippetIds().map(snippetPath)].map((file) =>
    readFileSync(file, 'utf8'),
  );
  for (const { file, path } of builtPages()) {
    if (!path.startsWith(`/${lang}/`)) continue;
    const html = readFileSync(file, 'utf8');
    for (const output of html.matchAll(/data-output-items[\s\S]*?<\/footer>/g)) {
      const text = output[0].replace(/<[^>]+>/g, ' ');
      const value = [...text.matchAll(/(?<![\w.,])\d\.\d{3,}(?![\w.,])/g)]
        .map((m) => m[0])
        .find((v) => sources.every((s) => !s.includes(v)));
      if (!value) continue;
      const before = html.slice(0, output.index);
      const section = [...before.matchAll(/<h[23][^>]* id="([a-z0-9-]+)"/g)].at(-1)?.[1];
      if (section) return { path, value, section };
    }
  }
  throw new Error('no number appears only in an output: pick the search test another way');
}

test('a search for a value that only an output shows finds its section', async ({ page }) => {
  const { path, value, section } = numberOnlyInOutput('en');
  await page.goto('/en/');
  await page.keyboard.press('/');
  const dialog = page.locator('dialog[data-search]');
  await dialog.getByRole('combobox').fill(value);
  await expect(dialog.locator(`[role="option"][href="${path}#${section}"]`)).toBeVisible();
});
