import { z } from "zod";

export const workspaceName = z
  .string()
  .trim()
  .min(1, { error: "name_required" })
  .max(64, { error: "name_too_long" });

const slugField = { workspaceSlug: z.string().min(1).max(100) };

export const createWorkspaceInput = z.object({ name: workspaceName });
export const renameWorkspaceInput = z.object({ ...slugField, name: workspaceName });
export const deleteWorkspaceInput = z.object({ ...slugField, confirmName: z.string().max(200) });
export const transferOwnershipInput = z.object({ ...slugField, userId: z.string().min(1) });
export const changeMemberRoleInput = z.object({
  ...slugField,
  userId: z.string().min(1),
  role: z.enum(["owner", "admin", "member", "viewer"]),
});
export const removeMemberInput = z.object({ ...slugField, userId: z.string().min(1) });
export const leaveWorkspaceInput = z.object(slugField);
