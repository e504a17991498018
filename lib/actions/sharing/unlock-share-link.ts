"use server";
import { cookies } from "next/headers";
import type { ActionResult } from "@/lib/actions/action-result";
import { publicAction } from "@/lib/actions/safe-action";
import { env } from "@/lib/env";
import { requestIp } from "@/lib/rate-limit/limits";
import { unlockShareInput } from "@/lib/sharing/schemas";
import { SHARE_ACCESS_MAX_AGE_S, shareAccessCookie } from "@/lib/sharing/share-access";
import { unlockShareLink } from "@/lib/sharing/unlock-share-link";

const action = publicAction("unlockShareLink", unlockShareInput, async (input) => {
  const { linkId, cookieValue } = await unlockShareLink({ ...input, address: await requestIp() });
  // Read by the page and by its media routes, so the video plays once unlocked.
  (await cookies()).set(shareAccessCookie({ id: linkId }), cookieValue, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    // Secure whenever the studio is served over https (a plain-http LAN install still works).
    secure: env().APP_URL.startsWith("https://"),
    maxAge: SHARE_ACCESS_MAX_AGE_S,
  });
  return { unlocked: true as const };
});

/** The password form of a protected share link: on success the page can be reloaded. */
export async function unlockShareLinkAction(
  input: unknown,
): Promise<ActionResult<{ unlocked: true }>> {
  return action(input);
}
