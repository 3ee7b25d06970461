/**
 * Copies text, possibly still being computed (a share link is compressed first). The clipboard
 * write starts at once, inside the reader's click, and takes the text when it is ready: Safari
 * allows a write only within the click, not after an `await`. Where that is not available, the
 * text is written once ready, then with the old selection-based command.
 */
export async function copyText(text: string | Promise<string>): Promise<boolean> {
  if (typeof ClipboardItem !== 'undefined' && typeof navigator.clipboard?.write === 'function') {
    try {
      const blob = Promise.resolve(text).then((value) => new Blob([value], { type: 'text/plain' }));
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })]);
      return true;
    } catch {
      // Refused, or promised items unsupported: try the plain ways below.
    }
  }
  const value = await text;
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    return legacyCopy(value);
  }
}

/** For pages without the async clipboard (plain http, older browsers, denied permission). */
function legacyCopy(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  // Off-screen, but in the document so it can be selected; focus returns afterwards.
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.append(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  previous?.focus();
  return ok;
}
