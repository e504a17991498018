import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { maskSecret, sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { forgetCredits } from "@/lib/kie-account/workspace-credits";
import { forgetWorkspaceKieKeys } from "@/lib/kie-account/workspace-kie-keys";

/**
 * Stores the workspace's kie.ai API key and/or webhook HMAC key, sealed with AES-256-GCM. Only
 * the API key's mask is kept in the clear; the audit log records which key changed, never it.
 */
export async function setKieKeys(args: {
  workspaceId: string;
  actor: { id: string; email: string };
  apiKey?: string;
  hmacKey?: string;
}): Promise<void> {
  const secret = env().AUTH_SECRET;
  await db.workspace.update({
    where: { id: args.workspaceId },
    data: {
      ...(args.apiKey !== undefined && {
        kieApiKeyEnc: sealSecret(args.apiKey, secret),
        kieApiKeyHint: maskSecret(args.apiKey),
      }),
      ...(args.hmacKey !== undefined && { kieHmacKeyEnc: sealSecret(args.hmacKey, secret) }),
    },
    select: { id: true },
  });
  forgetWorkspaceKieKeys(args.workspaceId);
  forgetCredits(args.workspaceId);
  await recordAudit({
    workspaceId: args.workspaceId,
    actor: args.actor,
    action: "keys.changed",
    target: { type: "workspace", id: args.workspaceId },
    details: {
      keys: [args.apiKey !== undefined && "apiKey", args.hmacKey !== undefined && "hmacKey"].filter(
        Boolean,
      ),
      ...(args.apiKey !== undefined && { apiKeyHint: maskSecret(args.apiKey) }),
    },
  });
}
