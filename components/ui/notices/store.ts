/**
 * The studio's short-lived notices ("Prompt copied", "Video deleted"), kept outside React so any
 * handler can raise one without a provider in reach. The host in the root layout renders them.
 */
export type NoticeTone = "success" | "error" | "info";

/** A link the notice offers (View), to a page in the studio. */
export interface NoticeAction {
  label: string;
  href: string;
}

export interface Notice {
  id: number;
  message: string;
  tone: NoticeTone;
  action?: NoticeAction;
  /**
   * Word nobody asked for at that moment (a video that ended): it stays out of sight while a
   * menu, popover or dialog is open, whose Escape it would otherwise take.
   */
  yields?: boolean;
}

// More than this on screen at once is noise; the oldest makes way.
const MAX_SHOWN = 3;
const EMPTY: readonly Notice[] = [];

let notices: readonly Notice[] = EMPTY;
let lastId = 0;
const listeners = new Set<() => void>();

function publish(next: readonly Notice[]): void {
  notices = next;
  for (const listener of listeners) listener();
}

/**
 * Shows a notice. The same words raised again while still on screen start over as a new notice
 * rather than stacking a copy (two presses of Copy say "Copied" once).
 */
export function notify(
  message: string,
  tone: NoticeTone = "success",
  action?: NoticeAction,
  options: { yields?: boolean } = {},
): void {
  lastId += 1;
  const rest = notices.filter((n) => n.message !== message);
  const notice: Notice = {
    id: lastId,
    message,
    tone,
    ...(action && { action }),
    ...(options.yields && { yields: true }),
  };
  publish([...rest, notice].slice(-MAX_SHOWN));
}

/** Forgets a notice once it has closed (timed out, swiped or dismissed). */
export function forgetNotice(id: number): void {
  if (notices.some((n) => n.id === id)) publish(notices.filter((n) => n.id !== id));
}

export function subscribeToNotices(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentNotices(): readonly Notice[] {
  return notices;
}

/** The server renders no notices: they are raised by what a person does in the browser. */
export function noNotices(): readonly Notice[] {
  return EMPTY;
}
