import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { monthlyUsage } from "@/lib/kie-account/monthly-usage";
import { lockWorkspace } from "@/lib/workspaces/lock-workspace";

const n = (x: number) => x.toLocaleString("en-US");

/**
 * Refuses new generations that would take the workspace, or its author, past their monthly
 * credit budget: the takes of one press fit together, or none is started, and the refusal says
 * how many would fit. Runs in the transaction that inserts them, before kie.ai is called, so two
 * presses at once cannot both squeeze under the limit.
 */
export async function checkBudget(args: {
  tx: Prisma.TransactionClient;
  workspaceId: string;
  authorId: string;
  /** The generations being created, already inserted: they are the ones being checked. */
  newGenerationIds: string[];
}): Promise<void> {
  const { tx, workspaceId, authorId } = args;
  await lockWorkspace(tx, workspaceId);
  const [workspace, membership] = await Promise.all([
    tx.workspace.findUnique({ where: { id: workspaceId }, select: { monthlyCreditLimit: true } }),
    tx.membership.findUnique({
      where: { userId_workspaceId: { userId: authorId, workspaceId } },
      select: { monthlyCreditLimit: true },
    }),
  ]);
  // The takes of one press share their model, length and size, so their estimates are equal.
  const estimates = await tx.generation.findMany({
    where: { id: { in: args.newGenerationIds } },
    select: { estimatedCredits: true },
  });
  const count = estimates.length;
  const cost = estimates.reduce((sum, g) => sum + g.estimatedCredits, 0);
  const each = Math.max(1, Math.ceil(cost / Math.max(1, count)));
  const exclude = args.newGenerationIds;
  // How many of the press's takes the room left would take.
  const fits = (limit: number, used: number) =>
    String(Math.max(0, Math.min(count, Math.floor((limit - used) / each))));

  const workspaceLimit = workspace?.monthlyCreditLimit;
  if (workspaceLimit != null) {
    const used = await monthlyUsage({ tx, workspaceId, excludeGenerationIds: exclude });
    if (used + cost > workspaceLimit) {
      throw new AppError(
        "budget_exceeded",
        `This would exceed the workspace's monthly budget of ${n(workspaceLimit)} credits (used ${n(used)})`,
        {
          scope: "workspace",
          limit: String(workspaceLimit),
          used: String(used),
          takes: String(count),
          fits: fits(workspaceLimit, used),
        },
      );
    }
  }
  const memberLimit = membership?.monthlyCreditLimit;
  if (memberLimit != null) {
    const used = await monthlyUsage({ tx, workspaceId, authorId, excludeGenerationIds: exclude });
    if (used + cost > memberLimit) {
      throw new AppError(
        "budget_exceeded",
        `This would exceed your monthly budget in this workspace of ${n(memberLimit)} credits (used ${n(used)})`,
        {
          scope: "member",
          limit: String(memberLimit),
          used: String(used),
          takes: String(count),
          fits: fits(memberLimit, used),
        },
      );
    }
  }
}
