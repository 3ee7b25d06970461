/** Copy buttons on static code blocks: shown only when the clipboard can be used. */
export function initCopyButtons(): void {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy-code]')) {
    const pre = button.parentElement?.querySelector('pre');
    if (!pre) continue;
    const label = button.textContent ?? '';
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(pre.textContent ?? '').then(
        () => {
          button.textContent = button.dataset.copied ?? label;
          setTimeout(() => (button.textContent = label), 1500);
        },
        () => {
          // Clipboard refused (permissions): the code stays selectable by hand.
        },
      );
    });
  }
}
