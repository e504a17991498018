"use client";

/**
 * Puts text on the clipboard; false when the browser would not. The Clipboard API exists only
 * in secure contexts, and a studio served over plain http on a local network is not one, so
 * there the older selection copy is used. Focus goes back to where it was (a copy button).
 */
export async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (permissions, a document without focus): the selection copy may still work.
    }
  }
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement("textarea");
  area.value = text;
  area.readOnly = true;
  area.setAttribute("aria-hidden", "true");
  area.style.cssText = "position:fixed;top:0;left:0;width:1px;height:1px;opacity:0";
  // Beside the button rather than at the end of the body, so an open dialog's focus trap,
  // which would pull focus back out of the body, lets the selection happen.
  (active?.parentElement ?? document.body).append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  active?.focus({ preventScroll: true });
  return copied;
}
