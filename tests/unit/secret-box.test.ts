import { describe, expect, it } from "vitest";
import { maskSecret, openSecret, sealSecret } from "@/lib/crypto/secret-box";

const SECRET = "unit-auth-secret-0123456789abcdef";
const KEY = "kie-SECRET-abc123def456ghi789";

describe("secret box", () => {
  it("opens what it sealed, and the sealed text holds nothing of the key", () => {
    const sealed = sealSecret(KEY, SECRET);
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain(KEY);
    expect(sealed).not.toContain(Buffer.from(KEY).toString("base64url"));
    expect(openSecret(sealed, SECRET)).toBe(KEY);
  });

  it("seals the same key differently every time (fresh IV)", () => {
    expect(sealSecret(KEY, SECRET)).not.toBe(sealSecret(KEY, SECRET));
  });

  it("refuses another AUTH_SECRET and any tampering", () => {
    const sealed = sealSecret(KEY, SECRET);
    expect(openSecret(sealed, "another-auth-secret-0123456789")).toBeNull();
    const [v, iv, tag, data] = sealed.split(".");
    const flipped = `${(data ?? "").slice(0, -2)}${(data ?? "").endsWith("AA") ? "BB" : "AA"}`;
    expect(openSecret([v, iv, tag, flipped].join("."), SECRET)).toBeNull();
    expect(openSecret(`v2.${iv}.${tag}.${data}`, SECRET)).toBeNull();
    expect(openSecret("garbage", SECRET)).toBeNull();
  });

  it("masks all but the last four characters", () => {
    expect(maskSecret(KEY)).toBe("••••i789");
    expect(maskSecret(KEY)).not.toContain(KEY.slice(0, -4));
  });
});
