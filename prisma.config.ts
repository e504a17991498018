import { defineConfig } from "prisma/config";

// The studio applies prisma/migrations itself at start (lib/db/migrate.ts); this config serves
// `prisma generate` and, where Prisma's engine is available, `prisma migrate deploy`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/studio.db" },
});
