/** Search: the dialog, its keyboard, its results landing on their section, in one or both languages. */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageFiles, snippetIds, snippetPath } from '../src/collection/files';
import { LANGS } from '../src/i18n/locales';
import { pagePath } from '../src/i18n/paths';

/** A word of the French serialization page that no other French page or snippet uses. */
const FRENCH_ONLY_WORD = 'imbriquée';

/**
 * The id of the section of content/fr/serialization.mdx the word is in, after checking that
 * the word is there and nowhere else a French reader could find it (other pages, snippets):
 * if an edit of the content breaks that, the test says so instead of failing obscurely.
 */
function sectionOfFrenchOnlyWord(): string {
  const elsewhere = [
    ...pageFiles('fr')
      .filter((f) => f !== 'serialization.mdx')
      .map((f) => join('content/fr', f)),
    ...snippetIds().map(snippetPath),
  ].filter((file) => readFileSync(file, 'utf8').toLowerCase().includes(FRENCH_ONLY_WORD));
  expect(elsewhere, `"${FRENCH_ONLY_WORD}" must appear only in content/fr/serialization.mdx: pick another word`).toEqual([]);
  const source = readFileSync('content/fr/serialization.mdx', 'utf8');
  const at = source.toLowerCase().indexOf(FRENCH_ONLY_WORD);
  expect(at, `"${FRENCH_ONLY_WORD}" is no longer in content/fr/serialization.mdx: pick another word`).toBeGreaterThan(0);
  const headings = [...source.slice(0, at).matchAll(/^#{2,3} .*\[#([a-z0-9-]+)\]\s*$/gm)];
  const id = headings.at(-1)?.[1];
  expect(id, `"${FRENCH_ONLY_WORD}" must be under a heading`).toBeTruthy();
  return id!;
}

function searchDialog(page: Page) {
  const dialog = page.locator('dialog[data-search]');
  return { dialog, input: dialog.getByRole('combobox'), options: dialog.getByRole('option') };
}

async function search(page: Page, query: string) {
  const { input, options } = searchDialog(page);
  await input.fill(query);
  await expect(options.first()).toBeVisible();
  return options;
}

test.describe('search', () => {
  test('a word only the French serialization page has is found, and its result lands on the section', async ({ page }) => {
    const id = sectionOfFrenchOnlyWord();
    await page.goto('/fr/');
    await page.keyboard.press('/');
    const { dialog, input } = searchDialog(page);
    await expect(dialog).toBeVisible();
    await expect(input).toBeFocused();
    await page.keyboard.type(FRENCH_ONLY_WORD);
    const options = dialog.getByRole('option');
    await expect(options.first()).toHaveAttribute('href', `/fr/serialization/#${id}`);
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(options.first().locator('mark').first()).toHaveText(new RegExp(FRENCH_ONLY_WORD, 'i'));
    // Every result is that page: the word is nowhere else.
    for (const href of await options.evaluateAll((els) => els.map((e) => e.getAttribute('href')))) {
      expect(href).toMatch(/^\/fr\/serialization\//);
    }
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/fr/serialization/#${id}$`));
    await expect(dialog).toBeHidden();
    const heading = page.locator(`article [id="${id}"]`);
    await expect(heading).toBeInViewport();
    // Below the sticky header, not under it.
    const headerBottom = await page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().bottom);
    await expect.poll(() => heading.evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThanOrEqual(headerBottom - 1);
  });

  test('results stay in the language of the page', async ({ page }) => {
    for (const lang of LANGS) {
      await page.goto(pagePath(lang, 'state'));
      await page.keyboard.press('/');
      const options = await search(page, 'Lambda');
      const hrefs = await options.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(1);
      for (const href of hrefs) expect(href.startsWith(`/${lang}/`), href).toBe(true);
    }
    // And the French-only word is not found from an English page.
    await page.goto('/en/');
    await page.keyboard.press('/');
    const { dialog, input } = searchDialog(page);
    await input.fill(FRENCH_ONLY_WORD);
    await expect(dialog.locator('[data-search-status]')).toHaveText(`No results for “${FRENCH_ONLY_WORD}”.`);
    await expect(dialog.getByRole('option')).toHaveCount(0);
  });

  test('opens with the button, / and Ctrl+K, is keyboard driven, and gives focus back', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto('/en/serialization/');
    await page.waitForLoadState('networkidle');
    // Nothing of search is downloaded before the reader asks for it.
    expect(requested.filter((p) => p.startsWith('/pagefind/') || /\/dialog\.[\w-]+\.js$/.test(p))).toEqual([]);

    const button = page.getByRole('button', { name: 'Search', exact: true });
    const { dialog, input } = searchDialog(page);
    await button.click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAccessibleName('Search the guide');
    await expect(input).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    await expect.poll(() => requested.some((p) => p === '/pagefind/pagefind.js')).toBe(true);

    await page.locator('h1').click(); // focus back on the page, away from the button
    await page.keyboard.press('Control+k');
    await expect(dialog).toBeVisible();
    await expect(input).toBeFocused();
    const options = await search(page, 'layer');
    expect(await options.count()).toBeGreaterThan(2);
    const first = options.nth(0);
    const second = options.nth(1);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(second).toHaveAttribute('aria-selected', 'true');
    await expect(first).toHaveAttribute('aria-selected', 'false');
    await expect(input).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id'))!);
    await page.keyboard.press('ArrowUp');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp'); // wraps to the last result
    await expect(options.last()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();

    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(dialog).toBeVisible();
    await expect(input).toHaveValue('layer'); // the last search is still there, selected to retype
    await page.keyboard.press('Escape');
  });

  test('can be widened to both languages: the other language’s pages come marked, after the reader’s own', async ({ page }) => {
    const id = sectionOfFrenchOnlyWord();
    await page.goto('/en/state/');
    await page.keyboard.press('/');
    const { dialog, input } = searchDialog(page);
    const status = dialog.locator('[data-search-status]');
    const scope = dialog.getByRole('checkbox', { name: 'Also search the French pages' });
    await expect(scope).not.toBeChecked(); // the page's language by default
    await input.fill(FRENCH_ONLY_WORD);
    await expect(status).toHaveText(`No results for “${FRENCH_ONLY_WORD}”.`);

    await scope.click();
    await expect(input).toBeFocused(); // a click on the box sends the reader back to typing
    await expect(input).toHaveAccessibleName('Search the English and French pages');
    const options = dialog.getByRole('option');
    await expect(status).toHaveText('1 page found');
    await expect(options.first()).toHaveAttribute('href', `/fr/serialization/#${id}`);
    await expect(options.first()).toHaveAttribute('hreflang', 'fr');
    await expect(options.first()).toHaveAccessibleName(/\(in French\)$/);
    await expect(options.first().locator('.search__section')).toHaveAttribute('lang', 'fr');
    const group = dialog.getByRole('group').first();
    await expect(group).toHaveAccessibleName('Configuration et sérialisation (in French)');
    await expect(group.locator('.search__lang')).toHaveText('FR');

    // A word both languages use: the reader's own pages first, unmarked; then the French ones.
    await input.fill('Lambda');
    await expect(status).toHaveText(/^\d+ pages found$/);
    await expect.poll(() => options.evaluateAll((els) => els.some((e) => e.getAttribute('href')?.startsWith('/fr/')))).toBe(true);
    // Every page counted is listed, the other language's included.
    const counted = Number(/\d+/.exec((await status.textContent()) ?? '')?.[0]);
    expect(counted).toBeGreaterThan(10);
    await expect(dialog.getByRole('group')).toHaveCount(counted);
    const hrefs = await options.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs[0]).toMatch(/^\/en\//);
    await expect(options.first()).not.toHaveAttribute('hreflang', /./);
    await expect(options.first()).toHaveAccessibleName(/^(?!.*\(in French\))/);

    // Following a French result from an English page lands on the French section.
    await input.fill(FRENCH_ONLY_WORD);
    await expect(options).toHaveCount(1);
    await expect(options.first()).toHaveAttribute('href', `/fr/serialization/#${id}`);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/fr/serialization/#${id}$`));
    await expect(page.locator(`article [id="${id}"]`)).toBeInViewport();

    // The choice is kept: the French page's search covers both languages too, in French words.
    await page.keyboard.press('/');
    const fr = searchDialog(page);
    const frScope = fr.dialog.getByRole('checkbox', { name: 'Chercher aussi dans les pages en anglais' });
    await expect(frScope).toBeChecked();
    await expect(fr.input).toHaveAccessibleName('Rechercher dans les pages en français et en anglais');
    await fr.input.fill('Lambda');
    await expect.poll(() => fr.options.evaluateAll((els) => els.some((e) => e.getAttribute('hreflang') === 'en'))).toBe(true);
    expect(await fr.options.first().getAttribute('href')).toMatch(/^\/fr\//);
    await expect(fr.dialog.locator('[hreflang="en"]').first()).toHaveAccessibleName(/\(en anglais\)$/);

    // Unticked from the keyboard: back to French pages only, and focus stays on the box.
    await frScope.focus();
    await page.keyboard.press('Space');
    await expect(frScope).not.toBeChecked();
    await expect(frScope).toBeFocused();
    await expect(fr.input).toHaveAccessibleName('Rechercher dans les pages en français');
    await expect
      .poll(() => fr.options.evaluateAll((els) => els.length > 0 && els.every((e) => e.getAttribute('href')?.startsWith('/fr/'))))
      .toBe(true);
    await page.reload();
    await page.keyboard.press('/');
    await expect(frScope).not.toBeChecked();
  });

  test('speaks the page language', async ({ page }) => {
    await page.goto('/fr/state/');
    const button = page.getByRole('button', { name: 'Rechercher', exact: true });
    await button.click();
    const { dialog, input } = searchDialog(page);
    await expect(dialog).toHaveAccessibleName('Rechercher dans le guide');
    await expect(input).toHaveAccessibleName('Rechercher dans les pages en français');
    await input.fill('sérialisation');
    await expect(dialog.locator('[data-search-status]')).toHaveText(/^\d+ pages? trouvées?$/);
    await expect(dialog.getByRole('group').first()).toHaveAccessibleName(/\S/);
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });
});
