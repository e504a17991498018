// zod/mini: the share dialog and the password form check these same rules in the browser (see
// lib/auth/schemas.ts).
import { z } from "zod/mini";
import { expiryProblem } from "@/lib/sharing/expiry-day";

export const SHARE_TARGETS = ["generation", "collection", "gallery", "shot"] as const;
export type ShareTarget = (typeof SHARE_TARGETS)[number];

export const EXPIRY_PRESETS = ["never", "1d", "7d", "30d", "date"] as const;

const id = z.string().check(z.minLength(1), z.maxLength(100));

export const createShareLinkInput = z
  .object({
    workspaceSlug: id,
    targetType: z.enum(SHARE_TARGETS),
    generationId: z.optional(id),
    collectionId: z.optional(id),
    shotId: z.optional(id),
    title: z.optional(z.string().check(z.trim(), z.maxLength(120))),
    expiry: z._default(z.enum(EXPIRY_PRESETS), "never"),
    // An ISO datetime, used when expiry is "date": the end of the chosen day where the sharer is
    // (see expiry-day.ts).
    expiresAt: z.optional(z.string().check(z.maxLength(40))),
    password: z.optional(z.string().check(z.maxLength(200))),
    allowDownload: z._default(z.boolean(), false),
    showPrompt: z._default(z.boolean(), false),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.targetType === "generation" && !v.generationId) {
        ctx.addIssue({ code: "custom", path: ["generationId"], message: "required" });
      }
      if (v.targetType === "collection" && !v.collectionId) {
        ctx.addIssue({ code: "custom", path: ["collectionId"], message: "required" });
      }
      if (v.targetType === "shot" && !v.shotId) {
        ctx.addIssue({ code: "custom", path: ["shotId"], message: "required" });
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
    }),
  );

export type CreateShareLinkInput = z.infer<typeof createShareLinkInput>;

export const shareLinkRefInput = z.object({ workspaceSlug: id, shareLinkId: id });

export const unlockShareInput = z.object({
  token: id,
  password: z.string().check(z.minLength(1), z.maxLength(200)),
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
