import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL, MODELS } from "@/lib/kie/models";
import { checkPrompt, countPromptChars, LONGEST_PROMPT } from "@/lib/kie/prompt";

const PRO_MAX = MODELS[DEFAULT_MODEL].promptMax;

describe("prompt length", () => {
  it("counts UTF-16 code units like the server may", () => {
    expect(countPromptChars("A fox [Push in]")).toBe(15);
    expect(countPromptChars("高俯角宽景")).toBe(5);
    expect(countPromptChars("😀")).toBe(2);
    expect(countPromptChars("👩‍👩‍👧")).toBe(8);
    // "é" as e + combining acute accent: two code units, though one visible letter
    expect(countPromptChars("e\u0301")).toBe(2);
    expect(countPromptChars("")).toBe(0);
  });

  it("accepts exactly 1500 and refuses 1501", () => {
    expect(PRO_MAX).toBe(1500);
    expect(checkPrompt("a".repeat(1500), PRO_MAX)).toEqual({ ok: true, length: 1500 });
    expect(checkPrompt("a".repeat(1501), PRO_MAX)).toEqual({
      ok: false,
      problem: "too_long",
      length: 1501,
    });
    expect(checkPrompt("雪".repeat(1500), PRO_MAX)).toEqual({ ok: true, length: 1500 });
    // 750 emoji look like 750 characters but are 1500 code units; one more is too many
    expect(checkPrompt("😀".repeat(750), PRO_MAX)).toEqual({ ok: true, length: 1500 });
    expect(checkPrompt(`${"😀".repeat(750)}a`, PRO_MAX)).toMatchObject({
      ok: false,
      problem: "too_long",
    });
  });

  it("refuses empty and whitespace-only prompts", () => {
    for (const s of ["", " ", "\n\t  \r\n", "\u3000\u00a0"]) {
      expect(checkPrompt(s, PRO_MAX)).toEqual({ ok: false, problem: "empty", length: s.length });
    }
    expect(checkPrompt(" ".repeat(2000), PRO_MAX)).toMatchObject({ ok: false, problem: "empty" });
  });

  it("counts surrounding whitespace, since it is sent", () => {
    expect(checkPrompt("  fox  ", PRO_MAX)).toEqual({ ok: true, length: 7 });
    expect(checkPrompt(` ${"a".repeat(1500)}`, PRO_MAX)).toMatchObject({
      ok: false,
      problem: "too_long",
    });
  });

  it("names the Pro model exactly, and bounds every request by the longest limit (Hailuo 2.3)", () => {
    expect(DEFAULT_MODEL).toBe("hailuo/02-text-to-video-pro");
    expect(LONGEST_PROMPT).toBe(5000);
    expect(checkPrompt("a".repeat(5000), LONGEST_PROMPT)).toMatchObject({ ok: true });
  });
});
