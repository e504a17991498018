import "server-only";
import { env } from "@/lib/env";
import { createKieClient, type KieClient } from "@/lib/kie/client";

// One client per key, so the per-key read rate limit is shared by every caller in the process.
const clients = new Map<string, KieClient>();

/** The kie.ai client a workspace's generations use: the server's key (or the simulator). */
export function kieClientFor(_workspaceId: string): KieClient {
  const { KIE_BASE_URL, KIE_API_KEY, KIE_TIMEOUT_MS } = env();
  const cacheKey = `${KIE_BASE_URL}\u0000${KIE_API_KEY}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = createKieClient({
      baseUrl: KIE_BASE_URL,
      apiKey: KIE_API_KEY,
      timeoutMs: KIE_TIMEOUT_MS,
      maxRetries: 2,
    });
    clients.set(cacheKey, client);
  }
  return client;
}

/** The key that signs the workspace's callbacks, when signing is on. */
export function webhookHmacKeyFor(_workspaceId: string): string | undefined {
  return env().KIE_WEBHOOK_HMAC_KEY;
}
