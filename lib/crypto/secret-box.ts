import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// AES-256-GCM with a key derived from AUTH_SECRET by HKDF, so at-rest secrets (workspace kie.ai
// keys) need no second secret to configure. Format: v1.<iv>.<tag>.<ciphertext>, base64url.
const INFO = "hailuo-studio/secret-box/v1";

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "hailuo-studio", INFO, 32));
}

export function sealSecret(plaintext: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", iv, tag, data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The plaintext, or null when the box was sealed with another secret or tampered with. */
export function openSecret(sealed: string, secret: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(data, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}

/** What a person may be shown of a secret: its last four characters. */
export function maskSecret(plaintext: string): string {
  return `••••${plaintext.slice(-4)}`;
}
