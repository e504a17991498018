import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { buildDir } from "./lib/build-dir";
import { PROXY_FREE_ROUTES, proxyFreeHeaders } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: {
    // The catalogues are compiled at build time, so the browser formats messages without
    // shipping an ICU parser (next-intl's recommended setup for smaller client bundles).
    messages: { path: "./messages", format: "json", locales: "infer", precompile: true },
  },
});

const nextConfig: NextConfig = {
  // Native modules and Prisma's runtime must be loaded by Node, not bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@node-rs/argon2",
    "pg",
    "@prisma/client",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@aws-sdk/client-s3",
    "@aws-sdk/s3-request-presigner",
    "undici",
  ],
  // A separate build folder lets a test build run beside a developer's `.next`.
  distDir: buildDir(),
  poweredByHeader: false,
  experimental: {
    // Turbopack's on-disk cache for `next dev` can come back stale after the sources change while
    // the server is stopped (a pull, a checkout): the browser then reloads in a loop on "HMR hash
    // mismatch". A cold start of this app compiles in seconds, so `npm run dev` starts clean.
    turbopackFileSystemCacheForDev: false,
    // A production server loads a route's code when it is first asked for, not every page's at
    // start: most instances only ever serve a few of them (the webhook, media, the API), and a
    // first visit to a page costs a few milliseconds once.
    preloadEntriesOnStart: false,
  },
  reactStrictMode: true,
  // Routes the proxy skips still get the security headers, set once by the router.
  async headers() {
    return PROXY_FREE_ROUTES.map(({ source, embeddable }) => ({
      source,
      headers: proxyFreeHeaders(embeddable),
    }));
  },
};

export default withNextIntl(nextConfig);
