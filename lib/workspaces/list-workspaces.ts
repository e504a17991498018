import "server-only";
import { db } from "@/lib/db";

/** The workspaces a person belongs to, personal first. */
export async function listWorkspaces(userId: string) {
  const rows = await db.membership.findMany({
    where: { userId },
    select: {
      role: true,
      workspace: { select: { id: true, name: true, slug: true, personal: true } },
    },
    orderBy: [{ workspace: { personal: "desc" } }, { createdAt: "asc" }],
  });
  return rows.map((r) => ({ ...r.workspace, role: r.role }));
}
