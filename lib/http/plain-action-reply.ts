/**
 * Whether a server action's text body is one the studio's own client can send, and so one React's
 * reply decoder reads without throwing.
 *
 * Every action of the studio's takes plain values (objects, arrays, strings, numbers, booleans),
 * which React's client (`encodeReply`) writes as one JSON array of the arguments, with no other
 * parts: strings that begin with "$" escaped as "$$…", and `undefined`, non-finite numbers, -0,
 * dates and bigints written inline as "$undefined", "$NaN", "$D…", "$n…" and so on. Every other
 * "$…" string refers to a part a text body cannot have (a Map, a file, a promise, a server
 * reference…), on which the decoder throws or, later, the action's rendering fails. So this accepts
 * exactly that subset: a JSON array of at most Next.js's 1000 arguments, nested no deeper than
 * plain input ever is, within the decoder's array budget, with only those inline forms.
 */
export function isPlainActionReply(text: string): boolean {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return false;
  }
  if (!Array.isArray(root) || root.length > MAX_ARGUMENTS) return false;
  // Walked with a stack of its own: a hostile body may nest deeper than the call stack goes.
  const pending: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  let slots = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, depth } = next;
    if (typeof value === "string") {
      if (!value.startsWith("$")) continue;
      if (!isInlineValue(value)) return false;
      slots += value.length;
    } else if (value !== null && typeof value === "object") {
      if (depth >= MAX_DEPTH) return false;
      const children = Array.isArray(value) ? value : Object.values(value);
      if (Array.isArray(value)) slots += value.length + 1;
      for (const child of children) pending.push({ value: child, depth: depth + 1 });
    }
    if (slots > ARRAY_SLOTS) return false;
  }
  return true;
}

/** Next.js refuses more arguments than this (`SERVER_ACTION_ARGS_LIMIT`), by throwing. */
const MAX_ARGUMENTS = 1000;
/** The studio's inputs are a few levels deep; the decoder revives nesting by recursion. */
const MAX_DEPTH = 32;
/**
 * React's decoder throws past a million array slots in one argument (`arraySizeLimit`), counting
 * elements, escaped strings' and bigints' lengths; this counts them over the whole body.
 */
const ARRAY_SLOTS = 1_000_000;
/** React's decoder throws on a bigint of more digits. */
const BIGINT_DIGITS = 300;

const INLINE_CONSTANTS = new Set(["$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0"]);

function isInlineValue(value: string): boolean {
  if (value.startsWith("$$") || value.startsWith("$D") || INLINE_CONSTANTS.has(value)) return true;
  const bigint = /^\$n(-?\d+)$/.exec(value)?.[1];
  return bigint !== undefined && bigint.length <= BIGINT_DIGITS;
}
