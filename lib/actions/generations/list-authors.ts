"use server";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { listAuthors } from "@/lib/generations/list-authors";

const schema = z.object({ workspaceSlug: z.string().min(1).max(100) });

const action = workspaceAction(
  "listAuthors",
  { schema, permission: "gallery.view" },
  (_input, { workspace }) => listAuthors(workspace.id),
);

/** Who made this workspace's videos (the gallery's author filter). */
export async function listAuthorsAction(
  input: unknown,
): Promise<ActionResult<{ id: string; email: string }[]>> {
  return action(input);
}
