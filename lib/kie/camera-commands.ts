/**
 * Hailuo 02's camera vocabulary (MiniMax's documentation): commands in square brackets anywhere
 * in a prompt, up to three in one bracket to happen at once (`[Pan left,Pedestal up]`); later
 * commands take effect later. The English words are what the model reads, whatever the UI's
 * language.
 */
export const CAMERA_COMMANDS = [
  { command: "Truck left", key: "truckLeft" },
  { command: "Truck right", key: "truckRight" },
  { command: "Pan left", key: "panLeft" },
  { command: "Pan right", key: "panRight" },
  { command: "Push in", key: "pushIn" },
  { command: "Pull out", key: "pullOut" },
  { command: "Pedestal up", key: "pedestalUp" },
  { command: "Pedestal down", key: "pedestalDown" },
  { command: "Tilt up", key: "tiltUp" },
  { command: "Tilt down", key: "tiltDown" },
  { command: "Zoom in", key: "zoomIn" },
  { command: "Zoom out", key: "zoomOut" },
  { command: "Shake", key: "shake" },
  { command: "Tracking shot", key: "trackingShot" },
  { command: "Static shot", key: "staticShot" },
] as const;

export type CameraCommandKey = (typeof CAMERA_COMMANDS)[number]["key"];

/** At most this many commands share one bracket. */
export const MAX_COMMANDS_PER_BRACKET = 3;

const NAMES = new Set<string>(CAMERA_COMMANDS.map((c) => c.command.toLowerCase()));

/**
 * The camera moves a prompt asks for, in the order they take effect: one entry per bracket, the
 * moves it combines (as written in the documentation's words); brackets that hold no camera
 * command are left out.
 */
export function cameraMoves(prompt: string): string[][] {
  const byName = new Map<string, string>(
    CAMERA_COMMANDS.map((c) => [c.command.toLowerCase(), c.command]),
  );
  const moves: string[][] = [];
  for (const match of prompt.matchAll(/\[([^\]]*)\]/g)) {
    const names = (match[1] ?? "")
      .split(",")
      .map((n) => byName.get(n.trim().toLowerCase()))
      .filter((n): n is string => n !== undefined);
    if (names.length > 0) moves.push(names);
  }
  return moves;
}

/** Whether a prompt holds any of the camera commands (alone or combined in a bracket). */
export function hasCameraCommand(prompt: string): boolean {
  for (const match of prompt.matchAll(/\[([^\]]*)\]/g)) {
    const names = (match[1] ?? "").split(",").map((n) => n.trim().toLowerCase());
    if (names.some((n) => NAMES.has(n))) return true;
  }
  return false;
}

export type CameraInsert =
  | { ok: true; text: string; caret: number }
  | { ok: false; reason: "bracket_full" };

/**
 * Puts a command at the cursor (replacing a selection). Picked while the cursor sits just after a
 * bracket of camera commands, it joins that bracket, so the moves happen at once — unless the
 * bracket already holds three.
 */
export function insertCameraCommand(
  prompt: string,
  selection: { start: number; end: number },
  command: string,
): CameraInsert {
  const before = prompt.slice(0, selection.start);
  const after = prompt.slice(selection.end);
  const open = before.endsWith("]") ? before.lastIndexOf("[") : -1;
  const inner = open === -1 ? null : before.slice(open + 1, -1);
  const joined = inner?.split(",").map((n) => n.trim()) ?? [];
  if (inner !== null && joined.length > 0 && joined.every((n) => NAMES.has(n.toLowerCase()))) {
    if (joined.length >= MAX_COMMANDS_PER_BRACKET) return { ok: false, reason: "bracket_full" };
    const head = `${before.slice(0, -1)},${command}]`;
    return { ok: true, text: head + after, caret: head.length };
  }
  const lead = before === "" || /\s$/.test(before) ? "" : " ";
  const trail = after === "" || /^\s/.test(after) ? "" : " ";
  const head = `${before}${lead}[${command}]`;
  return { ok: true, text: head + trail + after, caret: head.length + trail.length };
}
