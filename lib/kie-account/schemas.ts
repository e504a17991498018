import { z } from "zod";

// A kie.ai key as pasted: surrounding spaces dropped, nothing else touched.
const secretKey = z
  .string()
  .trim()
  .min(8, "too_short")
  .max(256, "too_long")
  .regex(/^\S+$/, "whitespace");

export const setKieKeysInput = z
  .object({
    workspaceSlug: z.string().min(1),
    apiKey: secretKey.optional(),
    hmacKey: secretKey.optional(),
  })
  .refine((v) => v.apiKey !== undefined || v.hmacKey !== undefined, {
    message: "nothing_to_set",
    path: ["apiKey"],
  });

export const removeKieKeyInput = z.object({
  workspaceSlug: z.string().min(1),
  which: z.enum(["apiKey", "hmacKey"]),
});

export const testKieKeyInput = z.object({
  workspaceSlug: z.string().min(1),
  // Empty: test the key the workspace uses now (its own, or the server's).
  apiKey: z.union([secretKey, z.literal("").transform(() => undefined)]).optional(),
});

const creditLimit = z.int().min(1).max(100_000_000).nullable();

export const setWorkspaceBudgetInput = z.object({
  workspaceSlug: z.string().min(1),
  limit: creditLimit,
});

export const setMemberBudgetInput = z.object({
  workspaceSlug: z.string().min(1),
  userId: z.string().min(1),
  limit: creditLimit,
});
