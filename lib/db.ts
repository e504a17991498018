import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { type DbProvider, dbProviderOf } from "@/lib/db/provider";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

const omit = { user: { passwordHash: true } } as const;

async function createClient(): Promise<PrismaClient> {
  const url = env().DATABASE_URL;
  if (dbProviderOf(url) === "postgresql") {
    // Loaded only for PostgreSQL: its client and driver would otherwise sit in every SQLite
    // server's memory unused.
    const [{ PrismaPg }, { PrismaClient: PgPrismaClient }] = await Promise.all([
      import("@prisma/adapter-pg"),
      import("@/lib/generated/prisma-pg/client"),
    ]);
    const adapter = new PrismaPg({ connectionString: url, max: env().DATABASE_POOL_SIZE });
    // Both clients are generated from the one schema, so they share every model and query
    // shape; the SQLite client's type stands for both.
    return new PgPrismaClient({ adapter, omit }) as unknown as PrismaClient;
  }
  // The busy timeout waits out another connection's short write lock instead of failing.
  const adapter = new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: 10_000 });
  return new PrismaClient({ adapter, omit });
}

// One client per process: shared by every bundle of the server (route handlers, actions and the
// worker may be compiled separately) and kept across hot reloads in development.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForDb.prisma ?? (await createClient());
globalForDb.prisma = db;

export function dbProvider(): DbProvider {
  return dbProviderOf(env().DATABASE_URL);
}
