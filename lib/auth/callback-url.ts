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

/**
 * next-auth's callbackUrl as an absolute URL on `baseUrl` (an origin), or null: a safe path, or
 * a URL of the same origin whose path is safe (next-auth's client sends the page's own URL).
 * Never throws, whatever the value.
 */
export function sameOriginCallbackUrl(value: string, baseUrl: string): string | null {
  const origin = new URL(baseUrl).origin;
  let path = value;
  if (!value.startsWith("/")) {
    if (!URL.canParse(value)) return null;
    const url = new URL(value);
    if (url.origin !== origin) return null;
    path = `${url.pathname}${url.search}${url.hash}`;
  }
  const safe = safeCallbackUrl(path, "");
  return safe ? `${origin}${safe}` : null;
}
