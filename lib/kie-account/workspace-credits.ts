import "server-only";
import { type KieFailure, kieFailureOf } from "@/lib/kie/errors";
import { kieClientFor } from "@/lib/kie-account/kie-client-for";

export type CreditsBalance =
  | { ok: true; credits: number; checkedAt: string }
  | { ok: false; message: string; failure: KieFailure | null; checkedAt: string };

// Every open editor asks every minute; kie.ai is asked at most once per TTL per workspace.
const TTL_MS = 30_000;
const cache = new Map<string, { at: number; value: Promise<CreditsBalance> }>();

/** The workspace's kie.ai credit balance (its own key's, or the server's), cached for 30 s. */
export function workspaceCredits(workspaceId: string): Promise<CreditsBalance> {
  const hit = cache.get(workspaceId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = (async (): Promise<CreditsBalance> => {
    const checkedAt = new Date().toISOString();
    try {
      const result = await (await kieClientFor(workspaceId)).credits();
      return result.ok
        ? { ok: true, credits: result.data, checkedAt }
        : {
            ok: false,
            message: result.error.message,
            failure: kieFailureOf(result.error),
            checkedAt,
          };
    } catch {
      return {
        ok: false,
        message: "The balance could not be read",
        // The studio's own trouble (its database, a key it cannot read), not kie.ai's.
        failure: null,
        checkedAt,
      };
    }
  })();
  cache.set(workspaceId, { at: Date.now(), value });
  return value;
}

/** Drops the cached balance, after the workspace's key changed. */
export function forgetCredits(workspaceId: string): void {
  cache.delete(workspaceId);
}
