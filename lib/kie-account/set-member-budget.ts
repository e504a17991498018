import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Sets (or, with null, lifts) one member's monthly credit budget within the workspace. */
export async function setMemberBudget(args: {
  workspaceId: string;
  actor: { id: string; email: string };
  userId: string;
  limit: number | null;
}): Promise<void> {
  const membership = await db.membership.findUnique({
    where: { userId_workspaceId: { userId: args.userId, workspaceId: args.workspaceId } },
    select: { id: true, monthlyCreditLimit: true, user: { select: { email: true } } },
  });
  if (!membership) throw new AppError("not_found", "Member not found");
  if (membership.monthlyCreditLimit === args.limit) return;
  await db.membership.update({
    where: { id: membership.id },
    data: { monthlyCreditLimit: args.limit },
    select: { id: true },
  });
  await recordAudit({
    workspaceId: args.workspaceId,
    actor: args.actor,
    action: "budget.changed",
    target: { type: "user", id: args.userId },
    details: {
      scope: "member",
      member: membership.user.email,
      from: membership.monthlyCreditLimit,
      to: args.limit,
    },
  });
}
