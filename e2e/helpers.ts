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
