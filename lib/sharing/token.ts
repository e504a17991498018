import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A share link's secret: 32 random bytes, base64url (43 characters). Only its hash is stored. */
export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a string can be a share token at all; anything else is refused before a lookup. */
export function isShareTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
