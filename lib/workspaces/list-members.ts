import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/workspaces/roles";

export interface MemberDto {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: string;
}

const ORDER: Record<string, number> = { owner: 0, admin: 1, member: 2, viewer: 3 };

/** Everyone in a workspace, owners first. */
export async function listMembers(workspaceId: string): Promise<MemberDto[]> {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    select: {
      role: true,
      createdAt: true,
      user: { select: { id: true, email: true, name: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return rows
    .map((r) => ({
      userId: r.user.id,
      email: r.user.email,
      name: r.user.name,
      role: r.role as Role,
      joinedAt: r.createdAt.toISOString(),
    }))
    .sort((a, b) => (ORDER[a.role] ?? 9) - (ORDER[b.role] ?? 9));
}
