#!/usr/bin/env node
// `npm run db:migrate`: applies committed migrations (the server also does this at start).
import { register } from "tsx/esm/api";

register();
const { migrate } = await import("../lib/db/migrate.ts");
const url = process.env.DATABASE_URL ?? "file:./data/studio.db";
const result = await migrate(url);
console.log(
  result.applied.length
    ? `Applied ${result.applied.join(", ")}`
    : `Database is up to date (${result.alreadyApplied} migrations)`,
);
