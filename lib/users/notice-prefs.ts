import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";

/** How a person hears that a video is done while the studio's tab is hidden. */
export interface NoticePrefs {
  /** A browser notification (the browser's own permission is asked only when this is turned on). */
  browser: boolean;
  /** A short chime. */
  sound: boolean;
}

export const noticePrefsPatch = z.strictObject({
  browser: z.boolean().optional(),
  sound: z.boolean().optional(),
});

export async function getNoticePrefs(userId: string): Promise<NoticePrefs> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { notifyBrowser: true, notifySound: true },
  });
  return { browser: user?.notifyBrowser ?? false, sound: user?.notifySound ?? false };
}

export async function setNoticePrefs(
  userId: string,
  patch: z.infer<typeof noticePrefsPatch>,
): Promise<NoticePrefs> {
  const user = await db.user.update({
    where: { id: userId },
    data: { notifyBrowser: patch.browser, notifySound: patch.sound },
    select: { notifyBrowser: true, notifySound: true },
  });
  return { browser: user.notifyBrowser, sound: user.notifySound };
}
