import "server-only";
import { dbProvider } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Serializes transactions that count something of a workspace and then change it (the budget,
 * the last owner): PostgreSQL's READ COMMITTED would let two of them each miss the other's
 * change, so they queue on the workspace row. SQLite already runs one writer at a time.
 */
export async function lockWorkspace(
  tx: Prisma.TransactionClient,
  workspaceId: string,
): Promise<void> {
  if (dbProvider() !== "postgresql") return;
  // NO KEY UPDATE: inserting a row that references the workspace takes a KEY SHARE lock on it,
  // which FOR UPDATE would wait on — two inserts each waiting for the other's would deadlock.
  await tx.$queryRaw`SELECT "id" FROM "Workspace" WHERE "id" = ${workspaceId} FOR NO KEY UPDATE`;
}
