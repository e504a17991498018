import "server-only";
import { openSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** A stored key: absent, readable, or sealed with an AUTH_SECRET the server no longer has. */
export type StoredKey =
  | { state: "none" }
  | { state: "set"; value: string }
  | { state: "unreadable" };

function open(sealed: string | null): StoredKey {
  if (!sealed) return { state: "none" };
  const value = openSecret(sealed, env().AUTH_SECRET);
  return value === null ? { state: "unreadable" } : { state: "set", value };
}

/**
 * The workspace's own kie.ai keys, decrypted. Server-side only: the plaintext goes to kie.ai in
 * a header and nowhere else (never into a DTO, a page, an audit entry or a log line).
 */
export async function workspaceKieKeys(
  workspaceId: string,
): Promise<{ apiKey: StoredKey; hmacKey: StoredKey }> {
  const w = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { kieApiKeyEnc: true, kieHmacKeyEnc: true },
  });
  return { apiKey: open(w?.kieApiKeyEnc ?? null), hmacKey: open(w?.kieHmacKeyEnc ?? null) };
}
