import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient(): PrismaClient {
  const url = env().DATABASE_URL;
  // WAL lets the gallery read while a job writes; the busy timeout waits out short write locks
  // instead of failing a request.
  const adapter = new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: 10_000 });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

// One client per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForDb.prisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.prisma = db;
