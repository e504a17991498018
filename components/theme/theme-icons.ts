import { Monitor, Moon, Sun } from "lucide-react";

/** Each theme's icon: the header's button shows the current one, the menu each choice's. */
export const THEME_ICONS = { system: Monitor, light: Sun, dark: Moon } as const;
