import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { forgetCredits } from "@/lib/kie-account/workspace-credits";
import { forgetWorkspaceKieKeys } from "@/lib/kie-account/workspace-kie-keys";

/** Drops one of the workspace's keys: its generations go back to the server's default. */
export async function removeKieKey(args: {
  workspaceId: string;
  actor: { id: string; email: string };
  which: "apiKey" | "hmacKey";
}): Promise<void> {
  await db.workspace.update({
    where: { id: args.workspaceId },
    data:
      args.which === "apiKey"
        ? { kieApiKeyEnc: null, kieApiKeyHint: null }
        : { kieHmacKeyEnc: null },
    select: { id: true },
  });
  forgetWorkspaceKieKeys(args.workspaceId);
  forgetCredits(args.workspaceId);
  await recordAudit({
    workspaceId: args.workspaceId,
    actor: args.actor,
    action: "keys.removed",
    target: { type: "workspace", id: args.workspaceId },
    details: { keys: [args.which] },
  });
}
