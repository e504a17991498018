import "server-only";
import { db } from "@/lib/db";

/** Ends every session of this person: sessions carry the version they were issued with. */
export async function signOutEverywhere(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
