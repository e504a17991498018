"use client";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { type Theme, themeAttribute, themeCookie } from "@/lib/theme/themes";

interface ThemeState {
  theme: Theme;
  setTheme: (theme: Theme) => void;
}

const ThemeContext = createContext<ThemeState | null>(null);

/**
 * The person's theme, as the server rendered it from the cookie. Choosing one applies it at once
 * (the <html> attribute the stylesheet keys on) and stores it for the next page and visit.
 */
export function ThemeProvider(props: { initial: Theme; children: ReactNode }) {
  const [theme, setState] = useState<Theme>(props.initial);
  const setTheme = useCallback((next: Theme) => {
    const attribute = themeAttribute(next);
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser the studio serves; the value is one of three fixed words
    document.cookie = themeCookie(next);
    setState(next);
  }, []);
  const value = useMemo(() => ({ theme, setTheme }), [theme, setTheme]);
  return <ThemeContext value={value}>{props.children}</ThemeContext>;
}

export function useTheme(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error("useTheme outside ThemeProvider");
  return state;
}
