import "server-only";
import { sessionClaims } from "@/lib/auth/session-claims";
import { isSessionCurrent } from "@/lib/auth/session-version";
import { db } from "@/lib/db";

export interface SessionUser {
  id: string;
  email: string;
}

/**
 * The signed-in person, re-read from the database so a deleted account — or a session from
 * before "sign out everywhere" — is signed out.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const claims = await sessionClaims();
  if (!claims) return null;
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, email: true, sessionVersion: true },
  });
  if (!user || !isSessionCurrent(claims.sessionVersion, user.sessionVersion)) return null;
  return { id: user.id, email: user.email };
}
