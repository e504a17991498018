import "server-only";
import { env } from "@/lib/env";
import { createKieClient } from "@/lib/kie/client";
import { type KieFailure, kieFailureOf } from "@/lib/kie/errors";
import { kieClientFor } from "@/lib/kie-account/kie-client-for";

export type KeyTestResult =
  | { ok: true; credits: number }
  | { ok: false; message: string; failure: KieFailure };

/**
 * "Test key": asks kie.ai's credits endpoint with the key the admin typed (not stored), or with
 * the key the workspace uses now. kie's own error is passed on, with the key redacted from it.
 */
export async function testKieKey(args: {
  workspaceId: string;
  apiKey?: string;
}): Promise<KeyTestResult> {
  const { KIE_BASE_URL, KIE_TIMEOUT_MS } = env();
  // A typed key gets a client of its own, so an arbitrary string never joins the shared cache.
  const client = args.apiKey
    ? createKieClient({
        baseUrl: KIE_BASE_URL,
        apiKey: args.apiKey,
        timeoutMs: KIE_TIMEOUT_MS,
        maxRetries: 0,
      })
    : await kieClientFor(args.workspaceId);
  const result = await client.credits();
  return result.ok
    ? { ok: true, credits: result.data }
    : { ok: false, message: result.error.message, failure: kieFailureOf(result.error) };
}
