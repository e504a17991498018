import "server-only";
import { LRUCache } from "lru-cache";
import { openSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";

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
  const hit = cache().get(workspaceId);
  if (hit) return hit;
  const w = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { kieApiKeyEnc: true, kieHmacKeyEnc: true },
  });
  const keys = { apiKey: open(w?.kieApiKeyEnc ?? null), hmacKey: open(w?.kieHmacKeyEnc ?? null) };
  cache().set(workspaceId, keys);
  return keys;
}

// Every callback and every kie.ai call needs the keys; a few seconds of memory spares the
// database a read each time. A change made here is seen at once; on other instances within
// CACHE_MS.
const CACHE_MS = 5_000;
type Keys = { apiKey: StoredKey; hmacKey: StoredKey };
function cache(): LRUCache<string, Keys> {
  return processSingleton(
    "kie-keys",
    () => new LRUCache<string, Keys>({ max: 10_000, ttl: CACHE_MS }),
  );
}

/** Drops the remembered keys of a workspace whose keys just changed. */
export function forgetWorkspaceKieKeys(workspaceId: string): void {
  cache().delete(workspaceId);
}
