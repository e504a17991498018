import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ESTIMATED_CREDITS_PER_VIDEO } from "@/lib/kie-account/estimated-credits";

const IN_FLIGHT = new Set(["submitting", "waiting", "queuing", "generating"]);

/** The first instant of the current calendar month, in UTC. */
export function monthStartUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * Credits a workspace (or one author in it) has used this calendar month (UTC): what kie.ai
 * reported for finished generations, plus an estimate for those still in flight or whose cost
 * kie.ai did not report.
 */
export async function monthlyUsage(args: {
  workspaceId: string;
  authorId?: string;
  /** Generations being created, already inserted, whose cost is being checked. */
  excludeGenerationIds?: string[];
  tx?: Prisma.TransactionClient;
}): Promise<number> {
  const groups = await (args.tx ?? db).generation.groupBy({
    by: ["state"],
    where: {
      workspaceId: args.workspaceId,
      ...(args.authorId && { authorId: args.authorId }),
      ...(args.excludeGenerationIds?.length && { id: { notIn: args.excludeGenerationIds } }),
      createdAt: { gte: monthStartUtc() },
    },
    _sum: { credits: true },
    _count: { _all: true, credits: true },
  });
  let used = 0;
  for (const g of groups) {
    const unknownCost = g._count._all - g._count.credits;
    used += g._sum.credits ?? 0;
    if (IN_FLIGHT.has(g.state) || g.state === "success") {
      used += unknownCost * ESTIMATED_CREDITS_PER_VIDEO;
    }
  }
  return used;
}
