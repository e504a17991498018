import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
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
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, sessionVersion: true },
  });
  if (!user || !isSessionCurrent(session.user.sessionVersion, user.sessionVersion)) return null;
  return { id: user.id, email: user.email };
}
