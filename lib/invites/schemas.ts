// zod/mini: the invite form checks these same rules in the browser (see lib/auth/schemas.ts).
import { z } from "zod/mini";
import { INVITE_ROLES } from "@/lib/invites/invite-roles";

export const createInviteInput = z.object({
  workspaceSlug: z.string().check(z.minLength(1), z.maxLength(100)),
  role: z.enum(INVITE_ROLES),
  expiresInDays: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(30)),
  singleUse: z.boolean(),
});

export const revokeInviteInput = z.object({
  workspaceSlug: z.string().check(z.minLength(1), z.maxLength(100)),
  inviteId: z.string().check(z.minLength(1)),
});

export const acceptInviteInput = z.object({
  token: z.string().check(z.minLength(16), z.maxLength(200)),
});
