import { describe, expect, it } from "vitest";
import { sameOriginCallbackUrl } from "@/lib/auth/callback-url";

const BASE = "https://studio.example";

describe("next-auth's callbackUrl, kept to this site", () => {
  it("keeps a path of this site, or a URL of its origin, as an absolute URL", () => {
    expect(sameOriginCallbackUrl("/w/team?tab=1#top", BASE)).toBe(`${BASE}/w/team?tab=1#top`);
    expect(sameOriginCallbackUrl(`${BASE}/w/team`, BASE)).toBe(`${BASE}/w/team`);
    expect(sameOriginCallbackUrl("/", `${BASE}/`)).toBe(`${BASE}/`);
  });

  it("refuses, without throwing, what is elsewhere or not a URL at all", () => {
    for (const value of [
      "\\\\evil.example/",
      "%2F%2Fevil.example/",
      " //evil",
      "//evil.example/",
      "/\\evil.example",
      "/\t/evil.example",
      "https://evil.example/",
      "https://studio.example.evil.example/",
      "http://studio.example/",
      "javascript:alert(1)",
      "http://[::1",
      "",
    ]) {
      expect(sameOriginCallbackUrl(value, BASE), value).toBeNull();
    }
  });
});
