import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Generations that cost (or will): in flight, or made. A failed one costs only what kie.ai says.
const COUNTED_UNTIL_REPORTED = ["submitting", "waiting", "queuing", "generating", "success"];

/** The first instant of the current calendar month, in UTC. */
export function monthStartUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * Credits a workspace (or one author in it) has used this calendar month (UTC): what kie.ai
 * reported for finished generations, plus each one's estimate (by its model, length and size) for
 * those still in flight or whose cost kie.ai did not report.
 */
export async function monthlyUsage(args: {
  workspaceId: string;
  authorId?: string;
  /** Generations being created, already inserted, whose cost is being checked. */
  excludeGenerationIds?: string[];
  tx?: Prisma.TransactionClient;
}): Promise<number> {
  const client = args.tx ?? db;
  const where = {
    workspaceId: args.workspaceId,
    ...(args.authorId && { authorId: args.authorId }),
    ...(args.excludeGenerationIds?.length && { id: { notIn: args.excludeGenerationIds } }),
    createdAt: { gte: monthStartUtc() },
  };
  // One after the other: inside a transaction the two share its connection.
  const reported = await client.generation.aggregate({ where, _sum: { credits: true } });
  const estimated = await client.generation.aggregate({
    where: { ...where, credits: null, state: { in: COUNTED_UNTIL_REPORTED } },
    _sum: { estimatedCredits: true },
  });
  return (reported._sum.credits ?? 0) + (estimated._sum.estimatedCredits ?? 0);
}
