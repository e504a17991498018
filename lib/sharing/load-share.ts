import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getSharedPage, type SharedPage } from "@/lib/sharing/get-shared-page";
import { resolveShareLink } from "@/lib/sharing/resolve-share-link";
import { hasShareAccess, shareAccessCookie } from "@/lib/sharing/share-access";

export type ShareState =
  | { kind: "unavailable" }
  | { kind: "locked"; linkId: string }
  | { kind: "open"; linkId: string; page: SharedPage };

/**
 * What /s/<token> shows to this visitor (cached per request, so the page and its metadata share
 * one lookup). A link to one video or one shot whose videos are all gone is as unavailable as a
 * revoked one.
 */
export const loadShare = cache(async (token: string): Promise<ShareState> => {
  const link = await resolveShareLink(token);
  if (!link) return { kind: "unavailable" };
  if (!(await visitorMayOpen(link))) return { kind: "locked", linkId: link.id };
  const page = await getSharedPage(token, link);
  if ((page.kind === "generation" || page.kind === "shot") && page.videos.length === 0) {
    return { kind: "unavailable" };
  }
  return { kind: "open", linkId: link.id, page };
});

/** Whether this visitor's browser holds the link's unlock cookie, or the link needs none. */
export async function visitorMayOpen(link: {
  id: string;
  passwordHash: string | null;
}): Promise<boolean> {
  const jar = await cookies();
  return hasShareAccess(link, jar.get(shareAccessCookie(link))?.value);
}
