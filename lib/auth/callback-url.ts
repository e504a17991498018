/**
 * Where to go after signing in: only a path on this site, so a crafted link cannot send the
 * person elsewhere ("//evil.example" and "/\\evil.example" are other hosts to a browser).
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  if (value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if ([...value].some((c) => c.charCodeAt(0) < 0x20)) return fallback;
  return value;
}
