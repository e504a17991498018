export const HAILUO_PRO_MODEL = "hailuo/02-text-to-video-pro";

export const PROMPT_MAX = 1500;

export type PromptProblem = "empty" | "too_long";

export type PromptCheck =
  | { ok: true; length: number }
  | { ok: false; problem: PromptProblem; length: number };

// kie.ai may count like Java's String.length(): UTF-16 code units. Counting code points or
// graphemes would under-count emoji and let the server refuse a prompt we said was fine.
export function countPromptChars(s: string): number {
  return s.length;
}

// The length is that of the string as given (not trimmed), because that is what gets sent.
export function checkPrompt(s: string): PromptCheck {
  const length = countPromptChars(s);
  if (s.trim() === "") return { ok: false, problem: "empty", length };
  if (length > PROMPT_MAX) return { ok: false, problem: "too_long", length };
  return { ok: true, length };
}
