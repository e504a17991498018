import { z } from "zod";
import { INVITE_ROLES } from "@/lib/invites/invite-roles";

export const createInviteInput = z.object({
  workspaceSlug: z.string().min(1).max(100),
  role: z.enum(INVITE_ROLES),
  expiresInDays: z.coerce.number().int().min(1).max(30),
  singleUse: z.boolean(),
});

export const revokeInviteInput = z.object({
  workspaceSlug: z.string().min(1).max(100),
  inviteId: z.string().min(1),
});

export const acceptInviteInput = z.object({ token: z.string().min(16).max(200) });
