"use server";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { publicAction } from "@/lib/actions/safe-action";
import { loadShare } from "@/lib/sharing/load-share";
import { recordShareView } from "@/lib/sharing/record-share-view";

const input = z.object({ token: z.string().min(1).max(100) });

const action = publicAction("recordShareView", input, async ({ token }) => {
  // Only a link that opens for this visitor counts: not a dead one, nor a locked one.
  const state = await loadShare(token);
  if (state.kind !== "open") return { counted: false };
  await recordShareView(state.linkId);
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
