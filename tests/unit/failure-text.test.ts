import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { problemText, type StatusT } from "@/components/gallery/problem-text";
import { refusedAsWritten, type StatusKind } from "@/components/gallery/status";
import { actionErrorText, type ErrorsT } from "@/components/hooks/use-action-error-text";
import type { KieErrorsT } from "@/components/hooks/use-kie-failure-text";
import type { GenerationDto } from "@/lib/generations/dto";
import {
  describeKieFailure,
  failCodeFor,
  KIE_ERROR_KINDS,
  KIE_LOCAL_REASONS,
  kieFailureOf,
  makeKieError,
  messageFor,
} from "@/lib/kie/errors";
import { MEDIA_ERROR_CODES } from "@/lib/media/media-error-codes";
import { ActionError } from "@/lib/queries/use-action-mutation";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

// The real message files: the translators' types come from useTranslations, the same shape.
function translators(locale: "en" | "zh-CN") {
  const messages = locale === "en" ? en : zh;
  return {
    status: createTranslator({ locale, messages, namespace: "status" }) as unknown as StatusT,
    kie: createTranslator({ locale, messages, namespace: "kieErrors" }) as unknown as KieErrorsT,
    errors: createTranslator({ locale, messages, namespace: "errors" }) as unknown as ErrorsT,
  };
}

type Shown = Pick<GenerationDto, "failCode" | "failMsg" | "media">;

function generation(fields: Partial<Pick<GenerationDto, "failCode" | "failMsg">> = {}): Shown {
  return {
    failCode: fields.failCode ?? null,
    failMsg: fields.failMsg ?? null,
    media: {
      state: null,
      error: null,
      errorCode: null,
      videoUrl: null,
      playUrl: null,
      posterUrl: null,
      downloadUrl: null,
      durationMs: null,
      width: null,
      height: null,
      bytes: null,
    },
  };
}

function say(g: Shown, kind: StatusKind, locale: "en" | "zh-CN" = "zh-CN") {
  const t = translators(locale);
  return problemText(g, kind, t.status, t.kie)?.text;
}

// What is left of a Chinese sentence once names, codes and quoted words are taken out: it
// should hold no English words of the studio's own.
function englishLeftIn(text: string): string[] {
  const rest = text.replace(/kie\.ai|API|MP4|KIE_BASE_URL|HMAC/g, "").match(/[A-Za-z]{3,}/g);
  return rest ?? [];
}

describe("a stored kie.ai failure read back", () => {
  it("splits kie.ai's own words off the studio's sentence, for every kind", () => {
    for (const kind of KIE_ERROR_KINDS) {
      const withWords = describeKieFailure(kind, messageFor(kind, "Internal error"));
      const shows = ["validation", "not_found", "server", "generation_failed", "feature_disabled"];
      expect(withWords).toEqual({
        kind,
        detail: shows.includes(kind) ? "Internal error" : null,
      });
      expect(describeKieFailure(kind, messageFor(kind, null))).toEqual({ kind, detail: null });
    }
  });

  it("reads kie.ai's codes as their kind, and the studio's reasons as reasons", () => {
    expect(describeKieFailure("402", "Not enough kie.ai credits")).toEqual({
      kind: "credits",
      detail: null,
    });
    expect(describeKieFailure("500", "kie.ai had a server error: Internal error")).toEqual({
      kind: "server",
      detail: "Internal error",
    });
    for (const reason of KIE_LOCAL_REASONS) {
      expect(describeKieFailure(reason, "anything")).toEqual({ reason });
    }
    expect(describeKieFailure(null, null)).toBeNull();
    expect(describeKieFailure("something-else", "Words")).toBeNull();
  });

  it("keeps the studio's reason in the code it stores", () => {
    const unreadable = makeKieError({ kind: "auth", reason: "key_unreadable", message: "x" });
    expect(failCodeFor(unreadable)).toBe("key_unreadable");
    expect(kieFailureOf(unreadable)).toEqual({ reason: "key_unreadable" });
    const refused = makeKieError({ kind: "auth", code: 401, message: messageFor("auth", null) });
    expect(failCodeFor(refused)).toBe("401");
    expect(kieFailureOf(refused)).toEqual({ kind: "auth", detail: null });
  });
});

describe("a generation's problem, in Chinese", () => {
  it("words the studio's own reasons in Chinese", () => {
    const cases: [Shown, StatusKind, string][] = [
      [
        generation({ failCode: "timeout", failMsg: "kie.ai has not finished…" }),
        "error",
        "24 小时",
      ],
      [generation({ failCode: "402", failMsg: messageFor("credits", null) }), "error", "积分不足"],
      [
        generation({ failCode: "key_unreadable", failMsg: "The workspace's…" }),
        "error",
        "重新设置",
      ],
      [generation({ failCode: "key_missing", failMsg: "No kie.ai API key…" }), "error", "尚未设置"],
      [
        generation({ failCode: "network", failMsg: messageFor("network", null) }),
        "error",
        "无法连接",
      ],
      [generation({ failCode: "failed" }), "failed", "未能生成此视频"],
    ];
    for (const [g, kind, expected] of cases) {
      const text = say(g, kind) ?? "";
      expect(text).toContain(expected);
      expect(englishLeftIn(text)).toEqual([]);
    }
  });

  it("tells how to go on from a prompt kie.ai refused as written, instead of Retry", () => {
    const g = generation({ failCode: "422", failMsg: "prompt rejected by content policy" });
    expect(say(g, "error")).toBe(
      "视频未能提交给 kie.ai，未扣积分。kie.ai 拒绝了此请求。kie.ai 返回的原文：“prompt rejected by content policy”。请修改提示词后重新生成。",
    );
    expect(refusedAsWritten(g)).toBe(true);
    expect(refusedAsWritten(generation({ failCode: "402", failMsg: "x" }))).toBe(false);
  });

  it("quotes kie.ai's own words as kie.ai's, untranslated", () => {
    const text = say(
      generation({ failCode: "500", failMsg: "kie.ai had a server error: Internal error" }),
      "error",
    );
    expect(text).toBe(
      "视频未能提交给 kie.ai，未扣积分。kie.ai 服务器出错。kie.ai 返回的原文：“Internal error”。",
    );
    // Its own full stop gives way to the sentence's.
    const failed = say(generation({ failCode: "501", failMsg: "content policy." }), "failed");
    expect(failed).toBe("kie.ai 未能生成此视频。kie.ai 返回的原文：“content policy”。");
  });

  it("words every reason a video could not be saved", () => {
    for (const code of MEDIA_ERROR_CODES) {
      const g = generation();
      const text = say(
        { ...g, media: { ...g.media, errorCode: code, error: "English" } },
        "mediaFailed",
      );
      expect(text).toMatch(/^视频已生成，但保存失败。/);
      expect(englishLeftIn(text ?? "")).toEqual([]);
      expect(say({ ...g, media: { ...g.media, errorCode: code } }, "mediaFailed", "en")).toMatch(
        /^The video was made, but saving it failed\. \S/,
      );
    }
  });

  it("still shows an older record's sentence as recorded", () => {
    const g = generation();
    const text = say({ ...g, media: { ...g.media, error: "disk full" } }, "mediaFailed");
    expect(text).toBe("视频已生成，但保存失败。详情（原文）：disk full");
    expect(say(generation({ failCode: "gone", failMsg: "Old words" }), "error")).toContain(
      "Old words",
    );
  });
});

describe("a failed action, in the reader's language", () => {
  it("words a budget refusal with its figures", () => {
    const error = new ActionError("budget_exceeded", "This would exceed…", {
      scope: "workspace",
      limit: "1200",
      used: "1197",
    });
    expect(actionErrorText(error, translators("zh-CN").errors)).toBe(
      "此操作将超出工作区每月 1,200 积分的预算（本月已用 1,197 积分）。管理员可在“kie.ai 与预算”中调整。",
    );
    const member = {
      code: "budget_exceeded",
      message: "x",
      fields: { scope: "member", limit: "60", used: "57" },
    };
    expect(actionErrorText(member, translators("en").errors)).toBe(
      "This would go over your monthly budget in this workspace of 60 credits (57 used this month).",
    );
  });

  it("words known codes, falls back for unknown ones, and blames the network for a throw", () => {
    const t = translators("zh-CN").errors;
    expect(actionErrorText({ code: "rate_limited", message: "Too many" }, t)).toBe(
      "操作过于频繁，请稍后再试。",
    );
    expect(actionErrorText({ code: "teapot", message: "I'm a teapot" }, t)).toBe(
      "出了点问题，请重试。",
    );
    expect(actionErrorText(new TypeError("Failed to fetch"), t)).toBe(
      "无法连接服务器，请检查网络后重试。",
    );
    expect(actionErrorText({ code: "conflict", message: "x" }, t, "名称已被占用")).toBe(
      "名称已被占用",
    );
  });
});
