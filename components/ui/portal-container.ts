"use client";
import { createContext, useContext, useEffect, useState } from "react";

/** True inside a modal dialog, whose own layer floating lists must join (the body's). */
export const InDialogContext = createContext(false);

/**
 * Where menus and lists that float over the page are rendered: inside the page's main landmark
 * (every layout gives it id="main"), so what they hold is inside a landmark for assistive
 * technology, as the rest of the page is. Inside a modal dialog, before mounting, and on a page
 * without a main landmark: the body, as usual.
 */
export function usePortalContainer(): HTMLElement | null {
  const inDialog = useContext(InDialogContext);
  const [container, setContainer] = useState<HTMLElement | null>(null);
  useEffect(() => setContainer(document.getElementById("main")), []);
  return inDialog ? null : container;
}
