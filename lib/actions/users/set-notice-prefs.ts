"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { userAction } from "@/lib/actions/safe-action";
import { type NoticePrefs, noticePrefsPatch, setNoticePrefs } from "@/lib/users/notice-prefs";

const action = userAction("setNoticePrefs", noticePrefsPatch, (input, { user }) =>
  setNoticePrefs(user.id, input),
);

/** Turns the caller's browser notification or sound for finished videos on or off. */
export async function setNoticePrefsAction(input: unknown): Promise<ActionResult<NoticePrefs>> {
  return action(input);
}
