/**
 * Copies `text` to the clipboard. Where the Clipboard API is missing or refused (an insecure
 * origin, a denied permission), selects `element`'s text instead, so that the reader can copy it
 * by hand, and tries the old `execCommand('copy')` on that selection.
 * Returns whether the text is on the clipboard.
 */
export async function copyText(text: string, element: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const selection = element.ownerDocument.getSelection();
    if (!selection) return false;
    const range = element.ownerDocument.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      return element.ownerDocument.execCommand('copy');
    } catch {
      return false;
    }
  }
}
