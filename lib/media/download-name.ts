import { promptTitle } from "@/lib/generations/prompt-title";

// Characters no file system or browser takes in a file name, and controls.
// Bidirectional controls are removed too: they can make "gpj.exe" read as "exe.jpg".
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/**
 * A downloaded video's file name, from its prompt's first words (Chinese kept as it is), so a
 * folder of downloads says what each one is: "a red fox crossing snow at dawn.mp4". Without a
 * prompt to show (a share link that hides it), or one that leaves nothing, the video's id.
 */
export function downloadFileName(prompt: string | null, id: string): string {
  const words = prompt
    ? promptTitle(prompt, 80)
        .replace(/…$/, "")
        .replace(UNSAFE, " ")
        .replace(/\s+/g, " ")
        // A leading or trailing dot or space makes a hidden or unusable name on some systems.
        .replace(/^[\s.]+|[\s.]+$/g, "")
    : "";
  return `${words || `hailuo-${id}`}.mp4`;
}

/**
 * Content-Disposition for a download: the name as UTF-8 (RFC 6266's filename*), and an ASCII
 * spelling of it for the few clients that read only `filename`.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  // RFC 5987 leaves ' ( ) out of a value, though encodeURIComponent keeps them.
  const utf8 = encodeURIComponent(filename).replace(
    /['()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
