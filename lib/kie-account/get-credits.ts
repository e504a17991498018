import "server-only";
import { db } from "@/lib/db";
import type { CreditsDto } from "@/lib/kie-account/credits-dto";
import { monthlyUsage } from "@/lib/kie-account/monthly-usage";
import { workspaceCredits } from "@/lib/kie-account/workspace-credits";

/**
 * What the editor shows: the kie.ai balance (cached 30 s) and this month's budget use — the
 * workspace's, and the caller's own when they have a budget of their own.
 */
export async function getCredits(workspaceId: string, userId: string): Promise<CreditsDto> {
  const [balance, workspace, used] = await Promise.all([
    workspaceCredits(workspaceId),
    // The workspace's limit and the caller's own, in one query.
    db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: {
        monthlyCreditLimit: true,
        memberships: { where: { userId }, select: { monthlyCreditLimit: true } },
      },
    }),
    monthlyUsage({ workspaceId }),
  ]);
  const memberLimit = workspace.memberships[0]?.monthlyCreditLimit ?? null;
  return {
    balance: balance.ok ? balance.credits : null,
    error: balance.ok ? null : balance.message,
    failure: balance.ok ? null : balance.failure,
    checkedAt: balance.checkedAt,
    budget: { limit: workspace.monthlyCreditLimit, used },
    memberBudget:
      memberLimit === null
        ? null
        : {
            limit: memberLimit,
            used: await monthlyUsage({ workspaceId, authorId: userId }),
          },
  };
}
