import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { createKieClient, type KieClient, type KieResult } from "@/lib/kie/client";
import { makeKieError } from "@/lib/kie/errors";
import { kieAccountOf, kieAdmission } from "@/lib/kie-account/provider-limits";
import { workspaceKieKeys } from "@/lib/kie-account/workspace-kie-keys";
import { logger } from "@/lib/logger";

export const UNREADABLE_KEY_MESSAGE =
  "The workspace's kie.ai key can't be read; an admin must set it again";

// One client per (base URL, key). Keyed by a hash, so the map holds no second copy of any key.
const clients = new Map<string, KieClient>();

/**
 * A client for a given key, shared with every other caller using the same key. Its createTask
 * and recordInfo calls count against kie.ai's limits for that key in the database, with every
 * other instance's.
 */
export function kieClientForKey(apiKey: string): KieClient {
  const { KIE_BASE_URL, KIE_UPLOAD_BASE_URL, KIE_TIMEOUT_MS } = env();
  const account = kieAccountOf(KIE_BASE_URL, apiKey);
  let client = clients.get(account);
  if (!client) {
    client = createKieClient({
      baseUrl: KIE_BASE_URL,
      uploadBaseUrl: KIE_UPLOAD_BASE_URL,
      apiKey,
      timeoutMs: KIE_TIMEOUT_MS,
      maxRetries: 2,
      admit: kieAdmission(account),
    });
    clients.set(account, client);
  }
  return client;
}

// A key sealed under another AUTH_SECRET: every call fails the way a refused key does (not
// retried), so the generation shows what to do instead of retrying with the server's key.
function unreadableKeyClient(): KieClient {
  const refuse = async <T>(): Promise<KieResult<T>> => ({
    ok: false,
    error: makeKieError({
      kind: "auth",
      reason: "key_unreadable",
      message: UNREADABLE_KEY_MESSAGE,
    }),
  });
  return {
    createTask: refuse,
    uploadFile: refuse,
    recordInfo: refuse,
    credits: refuse,
    downloadUrl: refuse,
  };
}

/**
 * The kie.ai client a workspace's generations use: its own key when an admin set one, else the
 * server's (or the simulator). Base URL is the server's either way (KIE_BASE_URL).
 */
export async function kieClientFor(workspaceId: string): Promise<KieClient> {
  const { apiKey } = await workspaceKieKeys(workspaceId);
  if (apiKey.state === "unreadable") {
    logger.warn({ workspace: workspaceId }, "workspace kie.ai key cannot be decrypted");
    return unreadableKeyClient();
  }
  return kieClientForKey(apiKey.state === "set" ? apiKey.value : env().KIE_API_KEY);
}

// Never equal to a real signature, so an unreadable HMAC key refuses callbacks instead of
// silently turning verification off; the reconciler's polling still finishes the generations.
const UNMATCHABLE_KEY = randomBytes(32).toString("hex");

/**
 * The key that signs the workspace's callbacks, when signing is on. The HMAC key belongs to the
 * kie.ai account: a workspace on its own API key uses its own HMAC key (or none); a workspace on
 * the server's account uses the server's.
 */
export async function webhookHmacKeyFor(workspaceId: string): Promise<string | undefined> {
  const { apiKey, hmacKey } = await workspaceKieKeys(workspaceId);
  if (hmacKey.state === "unreadable") {
    logger.warn({ workspace: workspaceId }, "workspace webhook key cannot be decrypted");
    return UNMATCHABLE_KEY;
  }
  if (hmacKey.state === "set") return hmacKey.value;
  if (apiKey.state !== "none") return undefined;
  return env().KIE_WEBHOOK_HMAC_KEY;
}
