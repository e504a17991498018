import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";

/** Sets (or, with null, lifts) the workspace's monthly credit budget. */
export async function setWorkspaceBudget(args: {
  workspaceId: string;
  actor: { id: string; email: string };
  limit: number | null;
}): Promise<void> {
  const before = await db.workspace.findUniqueOrThrow({
    where: { id: args.workspaceId },
    select: { monthlyCreditLimit: true },
  });
  if (before.monthlyCreditLimit === args.limit) return;
  await db.workspace.update({
    where: { id: args.workspaceId },
    data: { monthlyCreditLimit: args.limit },
    select: { id: true },
  });
  await recordAudit({
    workspaceId: args.workspaceId,
    actor: args.actor,
    action: "budget.changed",
    target: { type: "workspace", id: args.workspaceId },
    details: { scope: "workspace", from: before.monthlyCreditLimit, to: args.limit },
  });
}
