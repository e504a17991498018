export const SECURITY_HEADERS = {
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-content-type-options": "nosniff",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "cross-origin-opener-policy": "same-origin",
} as const;

/**
 * The page policy: scripts only by nonce, data only from this origin, media from this origin and
 * the object store that presigned play links point at (`mediaOrigin`, with media on S3).
 */
export function contentSecurityPolicy(args: {
  nonce: string;
  dev: boolean;
  embeddable: boolean;
  mediaOrigin?: string | null;
}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load the rest of the app's chunks.
    `script-src 'self' 'nonce-${args.nonce}' 'strict-dynamic'${args.dev ? " 'unsafe-eval'" : ""}`,
    // React and Next inject style attributes at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `media-src 'self' blob:${args.mediaOrigin ? ` ${args.mediaOrigin}` : ""}`,
    "font-src 'self' data:",
    `connect-src 'self'${args.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${args.embeddable ? "*" : "'none'"}`,
  ].join("; ");
}

/**
 * Routes that machines call at high rates and that never return a page: kie.ai's webhook and
 * the media bytes a video element fetches range by range. They skip the proxy (a per-request
 * nonce is of no use to them) and get these fixed headers from the router instead.
 */
export const PROXY_FREE_ROUTES = [
  { source: "/api/kie/callback", embeddable: false },
  { source: "/api/w/:slug/generations/:id/:kind(video|poster)", embeddable: false },
  // Shared media may play inside other sites' players, as shared pages may be embedded.
  { source: "/api/s/:token/media/:id/:kind(video|poster)", embeddable: true },
  // Signed media links (lib/media/media-links.ts), a member's video played range by range.
  { source: "/media/:key*", embeddable: false },
  // The benchmark's in-memory floor for media delivery (present only with BENCH_ROUTES=1).
  { source: "/api/bench/bytes", embeddable: false },
] as const;

/** The same protections as a page's, for a response that is never a document. */
export function proxyFreeHeaders(embeddable: boolean): { key: string; value: string }[] {
  return [
    ...Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
    {
      key: "content-security-policy",
      // A video opened on its own is shown in the browser's media document, which needs these.
      value: `default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors ${embeddable ? "*" : "'none'"}`,
    },
    // A member's media link, should it leak, still can't be embedded in another site's page.
    ...(embeddable ? [] : [{ key: "cross-origin-resource-policy", value: "same-origin" }]),
  ];
}
