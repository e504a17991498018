import { MODEL_IDS, MODELS } from "./models";

/** The longest prompt any model takes: the bound a request is held to before its model is known. */
export const LONGEST_PROMPT = Math.max(...MODEL_IDS.map((id) => MODELS[id].promptMax));

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
export function checkPrompt(s: string, max: number): PromptCheck {
  const length = countPromptChars(s);
  if (s.trim() === "") return { ok: false, problem: "empty", length };
  if (length > max) return { ok: false, problem: "too_long", length };
  return { ok: true, length };
}
