import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";

/**
 * Turns kie.ai's content filter (nsfw_checker) on or off for the workspace's new generations;
 * generations already made keep what they were sent with.
 */
export async function setContentFilter(args: {
  workspaceId: string;
  actor: { id: string; email: string };
  on: boolean;
}): Promise<void> {
  const changed = await db.workspace.updateMany({
    where: { id: args.workspaceId, contentFilter: !args.on },
    data: { contentFilter: args.on },
  });
  if (changed.count === 0) return;
  await recordAudit({
    workspaceId: args.workspaceId,
    actor: args.actor,
    action: "content-filter.changed",
    target: { type: "workspace", id: args.workspaceId },
    details: { on: args.on },
  });
}
