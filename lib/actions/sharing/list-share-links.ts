"use server";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import type { ShareLinkDto } from "@/lib/sharing/dto";
import { listShareLinks } from "@/lib/sharing/list-share-links";

const schema = z.object({
  workspaceSlug: z.string().min(1).max(100),
  generationId: z.string().min(1).max(100).optional(),
  collectionId: z.string().min(1).max(100).optional(),
  shotId: z.string().min(1).max(100).optional(),
});

const action = workspaceAction(
  "listShareLinks",
  { schema, permission: "share.create" },
  (input, { workspace }) =>
    listShareLinks({
      workspaceId: workspace.id,
      generationId: input.generationId,
      collectionId: input.collectionId,
      shotId: input.shotId,
    }),
);

/** The workspace's share links (or those of one video, shot or collection), for the share dialog. */
export async function listShareLinksAction(input: unknown): Promise<ActionResult<ShareLinkDto[]>> {
  return action(input);
}
