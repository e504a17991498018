import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import bytes from "next/dist/compiled/bytes";
import { buildDir } from "@/lib/build-dir";

/** What the running build says about its server actions, as Next.js itself reads it. */
export interface ServerActionBuild {
  /** Every action id of the build (server-reference-manifest.json). */
  ids: ReadonlySet<string>;
  /** next.config.ts's `serverActions.allowedOrigins`. */
  allowedOrigins: readonly string[];
  /** next.config.ts's `serverActions.bodySizeLimit`, in bytes (Next.js's default: 1 MB). */
  bodyLimit: number;
}

interface Manifest {
  node?: Record<string, unknown>;
  edge?: Record<string, unknown>;
}
interface RequiredServerFiles {
  config?: {
    experimental?: {
      serverActions?: { allowedOrigins?: string[]; bodySizeLimit?: string | number };
    };
  };
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Reads the build in `dir`; throws when it is missing or unreadable, as the server cannot run. */
export function readServerActionBuild(dir = buildDir()): ServerActionBuild {
  const manifest = readJson<Manifest>(join(dir, "server/server-reference-manifest.json"));
  const config = readJson<RequiredServerFiles>(join(dir, "required-server-files.json")).config;
  const options = config?.experimental?.serverActions;
  return {
    ids: new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})]),
    allowedOrigins: options?.allowedOrigins ?? [],
    bodyLimit:
      options?.bodySizeLimit === undefined
        ? DEFAULT_BODY_LIMIT
        : (bytes.parse(options.bodySizeLimit) ?? DEFAULT_BODY_LIMIT),
  };
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}
