import { type NextRequest, NextResponse } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/sign-in-redirect";
import { env } from "@/lib/env";
import { contentSecurityPolicy, SECURITY_HEADERS } from "@/lib/http/security-headers";
import { s3MediaOrigin } from "@/lib/storage/s3-media-origin";

// Routes that change state without a server action and are not protected by their own token:
// every unsafe request to /api must come from this site. next-auth (its own CSRF token) is the
// exception; kie.ai's webhook (its per-task token and signature) never reaches the proxy.
const CSRF_EXEMPT = [/^\/api\/auth\//];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameOrigin(req: NextRequest): boolean {
  const origin = req.headers.get("origin");
  if (origin)
    return (
      origin === req.nextUrl.origin ||
      origin === new URL(`http://${req.headers.get("host")}`).origin
    );
  // No Origin: only a same-origin fetch (Sec-Fetch-Site) or a non-browser client.
  const site = req.headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

export function proxy(req: NextRequest): NextResponse {
  const { pathname } = req.nextUrl;
  if (
    pathname.startsWith("/api/") &&
    !SAFE_METHODS.has(req.method) &&
    !CSRF_EXEMPT.some((r) => r.test(pathname)) &&
    !sameOrigin(req)
  ) {
    return NextResponse.json({ error: "cross_site_request" }, { status: 403 });
  }

  // A fresh nonce per page: Next.js puts it on its own scripts when it sees it in the request's
  // policy, and nothing without it may run.
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV !== "production",
    // Shared videos may be embedded elsewhere (chat apps' players); the studio may not.
    embeddable: pathname.startsWith("/s/"),
    // Members' players fetch S3-stored videos from the store itself, through presigned links.
    mediaOrigin: s3MediaOrigin(env()),
  });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  // Where a signed-out visitor was going, so signing in can take them there (without the
  // router's own cache-busting parameter).
  const query = new URLSearchParams(req.nextUrl.searchParams);
  query.delete("_rsc");
  requestHeaders.set(REQUEST_PATH_HEADER, query.size ? `${pathname}?${query}` : pathname);
  requestHeaders.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.headers.set(name, value);
  return res;
}

export const config = {
  // Static assets carry no page and need no nonce; nor do the routes in PROXY_FREE_ROUTES
  // (security-headers.ts), which next.config.ts gives fixed headers. A matcher must be a literal.
  matcher: [
    {
      source:
        "/((?!_next/static|_next/image|favicon.ico|icon.svg|api/bench/bytes$|api/kie/callback$|api/w/[^/]+/generations/[^/]+/(?:video|poster)$|api/s/[^/]+/media/[^/]+/(?:video|poster)$|media/).*)",
    },
  ],
};
