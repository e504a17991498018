import { createHash, randomBytes } from "node:crypto";

/** A fresh per-submission secret for the callBackUrl; only its hash is stored. */
export function newCallbackToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashCallbackToken(token) };
}

export function hashCallbackToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function callbackUrl(appUrl: string, token: string): string {
  return `${appUrl}/api/kie/callback?t=${encodeURIComponent(token)}`;
}
