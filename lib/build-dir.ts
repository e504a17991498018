/**
 * The folder `next build` writes to and the production server reads from (next.config.ts's
 * `distDir`), relative to the project folder.
 */
export function buildDir(): string {
  return process.env.NEXT_DIST_DIR ?? ".next";
}
