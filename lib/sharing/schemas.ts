import { z } from "zod";
import { expiryProblem } from "@/lib/sharing/expiry-day";

export const SHARE_TARGETS = ["generation", "collection", "gallery"] as const;
export type ShareTarget = (typeof SHARE_TARGETS)[number];

export const EXPIRY_PRESETS = ["never", "1d", "7d", "30d", "date"] as const;

export const createShareLinkInput = z
  .object({
    workspaceSlug: z.string().min(1).max(100),
    targetType: z.enum(SHARE_TARGETS),
    generationId: z.string().min(1).max(100).optional(),
    collectionId: z.string().min(1).max(100).optional(),
    title: z.string().trim().max(120).optional(),
    expiry: z.enum(EXPIRY_PRESETS).default("never"),
    // An ISO datetime, used when expiry is "date": the end of the chosen day where the sharer is
    // (see expiry-day.ts).
    expiresAt: z.string().max(40).optional(),
    password: z.string().max(200).optional(),
    allowDownload: z.boolean().default(false),
    showPrompt: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.targetType === "generation" && !v.generationId) {
      ctx.addIssue({ code: "custom", path: ["generationId"], message: "required" });
    }
    if (v.targetType === "collection" && !v.collectionId) {
      ctx.addIssue({ code: "custom", path: ["collectionId"], message: "required" });
    }
    if (v.expiry === "date") {
      const at = v.expiresAt ? new Date(v.expiresAt) : null;
      if (!at || Number.isNaN(at.getTime())) {
        ctx.addIssue({ code: "custom", path: ["expiresAt"], message: "invalid_date" });
      } else {
        const problem = expiryProblem(at);
        if (problem) ctx.addIssue({ code: "custom", path: ["expiresAt"], message: problem });
      }
    }
    if (v.password !== undefined && v.password !== "" && v.password.length < 8) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "too_short" });
    }
  });

export type CreateShareLinkInput = z.infer<typeof createShareLinkInput>;

export const shareLinkRefInput = z.object({
  workspaceSlug: z.string().min(1).max(100),
  shareLinkId: z.string().min(1).max(100),
});

export const unlockShareInput = z.object({
  token: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a link made now with these options stops working; null for never. */
export function expiryDate(input: { expiry: string; expiresAt?: string }, now = Date.now()) {
  switch (input.expiry) {
    case "1d":
      return new Date(now + DAY_MS);
    case "7d":
      return new Date(now + 7 * DAY_MS);
    case "30d":
      return new Date(now + 30 * DAY_MS);
    case "date":
      return input.expiresAt ? new Date(input.expiresAt) : null;
    default:
      return null;
  }
}
