import type { IncomingHttpHeaders } from "node:http";

/**
 * Whether Next.js would run a server action sent with these headers, by its own origin rule
 * (next/dist/server/app-render/action-handler.js, `handleAction`), which it breaks with a 500:
 * - no Origin: let through (a script's request carries no one's cookies unwillingly);
 * - an Origin that is not a URL: Next.js throws on parsing it;
 * - else the Origin's host must equal the first X-Forwarded-Host entry (Next.js sets that
 *   header to Host when a request has none, before it decides), or the Host header, exactly as
 *   written, or match `serverActions.allowedOrigins` (lib/http/allowed-origin.ts).
 * A request with neither header is left to Next.js, which then compares with the hostname it
 * was started on (`-H`), which only it knows.
 */
export function serverActionOrigin(
  headers: IncomingHttpHeaders,
  allowedOrigins: readonly string[],
): "same" | "cross-site" | "unreadable" | "undecided" {
  const origin = headers.origin;
  if (origin === undefined) return "same";
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return "unreadable";
  }
  const forwarded = headers["x-forwarded-host"] ?? headers.host;
  if (forwarded === undefined) return "undecided";
  const forwardedHost =
    (Array.isArray(forwarded) ? forwarded[0] : forwarded.split(",")[0]?.trim()) ?? "";
  const host = forwardedHost || headers.host;
  if (host === originHost) return "same";
  return isAllowedOrigin(originHost, allowedOrigins) ? "same" : "cross-site";
}

/**
 * Next.js's `isCsrfOriginAllowed` (next/dist/server/app-render/csrf-protection.js): a host named
 * in `serverActions.allowedOrigins`, case-insensitively, or matched by a pattern in it, where `*`
 * stands for one label and a final `**` for one or more, and a lone `*` or `**` for nothing.
 */
export function isAllowedOrigin(originHost: string, allowedOrigins: readonly string[]): boolean {
  const lower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return allowedOrigins.some(
    (allowed) =>
      allowed !== "" &&
      (lower(allowed) === lower(originHost) || matchesPattern(lower(originHost), lower(allowed))),
  );
}

function matchesPattern(domain: string, pattern: string): boolean {
  const domainParts = domain.split(".");
  const patternParts = pattern.split(".");
  if (domainParts.length < patternParts.length) return false;
  if (patternParts.length === 1 && (patternParts[0] === "*" || patternParts[0] === "**"))
    return false;
  while (patternParts.length) {
    const part = patternParts.pop();
    const label = domainParts.pop();
    if (part === "") return false;
    if (part === "*") {
      if (!label) return false;
      continue;
    }
    if (part === "**") return patternParts.length === 0 && label !== undefined;
    if (label !== part) return false;
  }
  return domainParts.length === 0;
}
