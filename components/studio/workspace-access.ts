import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { currentUser } from "@/lib/auth/session";
import { redirectToSignIn } from "@/lib/auth/sign-in-redirect";
import { isAppError } from "@/lib/errors";
import { getMembership } from "@/lib/workspaces/get-membership";

/**
 * The signed-in person and their access to the workspace `slug`, for the studio's layout and
 * pages (cached per request, so they share one lookup). Strangers get the 404 page.
 */
export const workspaceAccessOrNotFound = cache(async (slug: string) => {
  const user = await currentUser();
  if (!user) return redirectToSignIn();
  try {
    return { user, ...(await getMembership({ userId: user.id, slug })) };
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
});
