import "server-only";
import { db } from "@/lib/db";
import type { CreditsDto } from "@/lib/kie-account/credits-dto";
import { monthlyUsage } from "@/lib/kie-account/monthly-usage";
import { workspaceCredits } from "@/lib/kie-account/workspace-credits";

/** What the editor shows: the kie.ai balance (cached 30 s) and this month's budget use. */
export async function getCredits(workspaceId: string): Promise<CreditsDto> {
  const [balance, workspace, used] = await Promise.all([
    workspaceCredits(workspaceId),
    db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { monthlyCreditLimit: true },
    }),
    monthlyUsage({ workspaceId }),
  ]);
  return {
    balance: balance.ok ? balance.credits : null,
    error: balance.ok ? null : balance.message,
    failure: balance.ok ? null : balance.failure,
    checkedAt: balance.checkedAt,
    budget: { limit: workspace.monthlyCreditLimit, used },
  };
}
