import { z } from "zod";

const slug = z.string().min(1).max(100);
const id = z.string().min(1).max(100);
export const collectionName = z.string().trim().min(1, "empty").max(80, "too_long");

export const createCollectionInput = z.object({
  workspaceSlug: slug,
  name: collectionName,
  // Optionally put a first video in it at once ("New collection…" from a card).
  generationId: id.optional(),
});
export const renameCollectionInput = z.object({
  workspaceSlug: slug,
  collectionId: id,
  name: collectionName,
});
export const collectionRefInput = z.object({ workspaceSlug: slug, collectionId: id });
export const collectionItemInput = z.object({
  workspaceSlug: slug,
  collectionId: id,
  generationId: id,
});
export const workspaceRefInput = z.object({ workspaceSlug: slug });
