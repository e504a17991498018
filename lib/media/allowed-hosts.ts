/**
 * Whether the studio may fetch a result from `url`: http(s) only, and only from kie.ai's file
 * hosts (patterns such as `*.kie.ai`) or the exact origin of the configured kie.ai base URL,
 * which is how the local simulator's files are allowed.
 */
export function isAllowedMediaUrl(
  url: string,
  args: { patterns: string[]; baseUrl: string },
): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return false;
  if (u.username || u.password) return false;
  if (u.origin === new URL(args.baseUrl).origin) return true;
  // Plain http is allowed only for the configured base URL (a local simulator).
  if (u.protocol !== "https:") return false;
  const host = u.hostname.toLowerCase();
  return args.patterns.some((raw) => {
    const p = raw.trim().toLowerCase();
    if (!p) return false;
    if (p.startsWith("*.")) return host.endsWith(p.slice(1)) || host === p.slice(2);
    return host === p;
  });
}

export function parseHostPatterns(list: string): string[] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
