/** What the snippet specs do over and over: find a snippet, put code in it, run it. */
import { expect, type Locator, type Page } from '@playwright/test';

export const PLAYGROUND = { en: '/en/playground/', fr: '/fr/playground/' } as const;

export function snippet(page: Page, id = 'playground'): Locator {
  return page.locator(`[data-snippet="${id}"]`);
}

/** Hydrates the editor (first interaction) and replaces its code, as a reader pasting would. */
export async function setCode(root: Locator, code: string): Promise<void> {
  await root.locator('pre, .cm-content').first().click();
  const editor = root.locator('.cm-content');
  await expect(editor).toBeVisible();
  await editor.click();
  await root.page().keyboard.press('ControlOrMeta+a');
  await root.page().keyboard.press('Delete');
  await root.page().keyboard.insertText(code);
}

export async function editorText(root: Locator): Promise<string> {
  return root
    .locator('.cm-content')
    .evaluate((el) => Array.from(el.querySelectorAll('.cm-line'), (line) => line.textContent ?? '').join('\n'));
}

export async function run(root: Locator, lang: 'en' | 'fr' = 'en'): Promise<void> {
  await root.getByRole('button', { name: lang === 'en' ? 'Run' : 'Exécuter', exact: true }).click();
}

/** Waits for the run to settle and returns the final state. */
export async function settled(root: Locator, timeout = 30_000): Promise<string> {
  await expect(root).toHaveAttribute('data-state', /^(done|error|stopped)$/, { timeout });
  return (await root.getAttribute('data-state')) ?? '';
}

/** Counts alert/confirm/prompt dialogs (and dismisses them): injected HTML must never open one. */
export function watchDialogs(page: Page): () => number {
  let count = 0;
  page.on('dialog', (dialog) => {
    count++;
    void dialog.dismiss();
  });
  return () => count;
}

/**
 * A click on the page is handled while the snippet's code runs (the theme toggle flips). No
 * wall-clock limit, which a busy machine would break: a page frozen by the code would answer
 * only once the run had ended, so the snippet must still be running when the theme flips.
 * Without `root`, the flip alone is required (a short time limit may end the run first).
 */
export async function pageAnswers(page: Page, root?: Locator): Promise<void> {
  const html = page.locator('html');
  const before = (await html.getAttribute('data-theme')) ?? 'none';
  await page.evaluate(
    (id) => {
      const w = window as unknown as { stateAtFlip?: string };
      delete w.stateAtFlip;
      new MutationObserver((_, observer) => {
        w.stateAtFlip = id ? (document.querySelector<HTMLElement>(`[data-snippet="${id}"]`)?.dataset.state ?? '') : 'any';
        observer.disconnect();
      }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    },
    (await root?.getAttribute('data-snippet')) ?? null,
  );
  await page.locator('[data-theme-toggle]').click();
  await expect(html).not.toHaveAttribute('data-theme', before);
  const state = await page.evaluate(() => (window as unknown as { stateAtFlip?: string }).stateAtFlip);
  expect(state, 'the state of the snippet when the page answered').toBe(root ? 'running' : 'any');
}
