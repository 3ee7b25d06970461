/**
 * What every page loads for search: the button, the `/` and Ctrl/Cmd+K shortcuts, and
 * focus handling. The dialog opens at once (keystrokes typed while the search code
 * downloads land in its field); the code itself comes in with the first opening.
 */
import { savedScope } from './scope';

/** Typing `/` in a field or in the snippet editor is text, not a shortcut. */
function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function initSearch(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-search-open]');
  const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search]');
  const input = dialog?.querySelector<HTMLInputElement>('input[role="combobox"]');
  const scopeBox = dialog?.querySelector<HTMLInputElement>('[data-search-scope]');
  if (!button || !dialog || !input || !scopeBox) return;
  let returnTo: HTMLElement | null = null;
  let loaded: Promise<unknown> | null = null;

  const open = () => {
    if (dialog.open) return;
    const active = document.activeElement;
    returnTo = active instanceof HTMLElement && active !== document.body ? active : button;
    // The reader's last choice of languages, until the dialog's own code takes it over.
    if (!loaded) scopeBox.checked = savedScope() === 'all';
    dialog.showModal();
    input.focus();
    input.select();
    loaded ??= import('./dialog').then((m) => m.attachSearch(dialog, input));
  };

  button.addEventListener('click', open);
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    // A result on this same page closes the dialog to scroll to its section: focus follows the link there.
    if (dialog.dataset.followed === 'true') delete dialog.dataset.followed;
    else returnTo?.focus();
    returnTo = null;
  });
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || event.altKey || dialog.open) return;
    const modK = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isEditable(event.target);
    if (!modK && !slash) return;
    event.preventDefault(); // Ctrl+K would otherwise focus the browser's address bar search
    open();
  });
}
