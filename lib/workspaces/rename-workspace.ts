import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

/** A new name; the slug stays, so links teammates already have keep working. */
export async function renameWorkspace(args: {
  workspace: { id: string; name: string };
  actor: SessionUser;
  name: string;
}): Promise<{ name: string }> {
  if (args.name === args.workspace.name) return { name: args.name };
  await db.workspace.update({ where: { id: args.workspace.id }, data: { name: args.name } });
  await recordAudit({
    workspaceId: args.workspace.id,
    actor: args.actor,
    action: "workspace.renamed",
    target: { type: "workspace", id: args.workspace.id },
    details: { from: args.workspace.name, to: args.name },
  });
  return { name: args.name };
}
