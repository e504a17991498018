import type { TestProject } from "vitest/node";
// @ts-expect-error -- a plain ESM script shared with the command line; it has no type declarations
import { startTempPostgres } from "../../scripts/temp-postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

// One throwaway PostgreSQL server for the whole PostgreSQL leg; each test file makes its own
// database on it.
export default async function setup(project: TestProject): Promise<() => void> {
  const pg = (await startTempPostgres()) as { url: string; stop: () => void };
  project.provide("pgUrl", pg.url);
  return () => pg.stop();
}
