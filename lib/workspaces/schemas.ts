// zod/mini: the workspace forms check these same rules in the browser (see lib/auth/schemas.ts).
import { z } from "zod/mini";

export const workspaceName = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, { error: "name_required" }),
    z.maxLength(64, { error: "name_too_long" }),
  );

const slugField = { workspaceSlug: z.string().check(z.minLength(1), z.maxLength(100)) };
const userId = z.string().check(z.minLength(1));

export const createWorkspaceInput = z.object({ name: workspaceName });
export const renameWorkspaceInput = z.object({ ...slugField, name: workspaceName });
export const deleteWorkspaceInput = z.object({
  ...slugField,
  confirmName: z.string().check(z.maxLength(200)),
});
export const transferOwnershipInput = z.object({ ...slugField, userId });
export const changeMemberRoleInput = z.object({
  ...slugField,
  userId,
  role: z.enum(["owner", "admin", "member", "viewer"]),
});
export const removeMemberInput = z.object({ ...slugField, userId });
export const leaveWorkspaceInput = z.object(slugField);
