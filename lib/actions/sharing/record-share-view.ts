"use server";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { publicAction } from "@/lib/actions/safe-action";
import { visitorMayOpen } from "@/lib/sharing/load-share";
import { recordShareView } from "@/lib/sharing/record-share-view";
import { resolveShareLink } from "@/lib/sharing/resolve-share-link";

const input = z.object({ token: z.string().min(1).max(100) });

const action = publicAction("recordShareView", input, async ({ token }) => {
  // Only a link that opens for this visitor counts: not a dead one, nor a locked one. (The page's
  // content is not loaded again: the visitor has it already.)
  const link = await resolveShareLink(token);
  if (!link || !(await visitorMayOpen(link))) return { counted: false };
  await recordShareView(link.id);
  return { counted: true };
});

/**
 * One view of a shared page, sent by the page once it is open in a browser: a re-render in place
 * (a language switch) sends nothing more, and neither does a chat app fetching a link preview.
 */
export async function recordShareViewAction(
  raw: unknown,
): Promise<ActionResult<{ counted: boolean }>> {
  return action(raw);
}
