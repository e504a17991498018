import "server-only";
import { db } from "@/lib/db";

/** The person's current session version, or null when the account no longer exists. */
export async function readSessionVersion(userId: string): Promise<number | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { sessionVersion: true },
  });
  return user?.sessionVersion ?? null;
}
