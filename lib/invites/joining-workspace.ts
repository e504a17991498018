import "server-only";
import { getInvite } from "@/lib/invites/get-invite";

/**
 * The workspace a sign-in or sign-up is on its way to join, when it was started from an invite
 * link (its callback is that link's page): the name the invite page itself shows.
 */
export async function joiningWorkspace(callbackUrl: string): Promise<string | null> {
  const match = /^\/invite\/([^/?#]+)$/.exec(callbackUrl);
  if (!match?.[1]) return null;
  let token: string;
  try {
    token = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const invite = await getInvite(token);
  return invite.status === "valid" ? invite.workspace.name : null;
}
