#!/usr/bin/env node
// First-load JavaScript of the studio's pages: what a browser downloads before a page is
// interactive, gzipped, per route, from the production build in .next/ (or NEXT_DIST_DIR).
//   node scripts/bench/first-load.mjs        prints a table; imported by scripts/bench.mjs
//
// Why the manifests: `next build` in Next.js 16 no longer prints a "First Load JS" column, and the
// HTML of a page alone would need a running server and a signed-in session. The build says the same
// in two files: build-manifest.json's `rootMainFiles` are the scripts every page loads (React,
// the router, the runtime), and each page's client-reference manifest
// (server/app/<route>/page_client-reference-manifest.js) lists in `entryJSFiles`, per layout and
// page segment, the chunks the server writes into that page's HTML as <script async>. A route's
// first load is the root files plus the chunks of every layout above it and of the page itself,
// each counted once. Chunks loaded later (a dialog or calendar imported on first use) are not in it.
// Sizes are gzip at level 9, as they were measured before this script existed.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const root = resolve(import.meta.dirname, "../..");

/** The routes the bench reports, by their folder under app/, with a name a person knows them by. */
export const ROUTES = [
  { name: "studio", route: "(studio)/w/[slug]", path: "/w/[slug]" },
  { name: "video page", route: "(studio)/w/[slug]/g/[id]", path: "/w/[slug]/g/[id]" },
  { name: "sign-in", route: "(auth)/sign-in", path: "/sign-in" },
  { name: "share page", route: "(public)/s/[token]", path: "/s/[token]" },
];

/** The client-reference manifest of one page: a script that assigns to a global, run in a sandbox. */
function clientReferenceManifest(distDir, route) {
  const file = join(distDir, "server/app", route, "page_client-reference-manifest.js");
  const sandbox = { globalThis: {} };
  sandbox.self = sandbox.globalThis;
  sandbox.globalThis.__RSC_MANIFEST = {};
  runInNewContext(readFileSync(file, "utf8"), sandbox, { filename: file });
  const manifest = sandbox.globalThis.__RSC_MANIFEST[`/${route}/page`];
  if (!manifest?.entryJSFiles) throw new Error(`no entryJSFiles for /${route}/page in ${file}`);
  return manifest;
}

/** The chunks a route loads first, and their raw and gzipped sizes in bytes. */
export function firstLoad(route, distDir = join(root, process.env.NEXT_DIST_DIR ?? ".next")) {
  const build = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8"));
  const { entryJSFiles } = clientReferenceManifest(distDir, route);
  const page = `[project]/app/${route}/page`;
  const files = new Set(build.rootMainFiles);
  for (const [segment, chunks] of Object.entries(entryJSFiles)) {
    // "[project]/app/(studio)/w/[slug]/layout" is above "[project]/app/(studio)/w/[slug]/g/[id]/page".
    const layoutAbove =
      segment.endsWith("/layout") && page.startsWith(segment.slice(0, -"layout".length));
    if (layoutAbove || segment === page) for (const chunk of chunks) files.add(chunk);
  }
  let raw = 0;
  let gzip = 0;
  for (const chunk of files) {
    const bytes = readFileSync(join(distDir, chunk));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { route, chunks: files.size, rawBytes: raw, gzipBytes: gzip };
}

/** Every reported route, or null when there is no build to read. */
export function firstLoadAll(distDir = join(root, process.env.NEXT_DIST_DIR ?? ".next")) {
  if (!existsSync(join(distDir, "build-manifest.json"))) return null;
  return ROUTES.map((r) => ({ ...r, ...firstLoad(r.route, distDir) }));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const all = firstLoadAll();
  if (!all) {
    console.error("No production build in .next/: run `npm run build` first.");
    process.exit(1);
  }
  for (const r of all) {
    console.log(
      `${r.path.padEnd(18)} ${(r.rawBytes / 1024).toFixed(1).padStart(7)} KB raw ` +
        `${(r.gzipBytes / 1024).toFixed(1).padStart(7)} KB gzip (${r.chunks} chunks)`,
    );
  }
}
