import { createHash, randomBytes } from "node:crypto";

/** A fresh invite token (32 random bytes) and the hash that is all the database keeps. */
export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
