import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { slugCandidates } from "@/lib/workspaces/slug";

/** A team workspace owned by its creator, at a slug no other workspace has. */
export async function createWorkspace(args: {
  user: SessionUser;
  name: string;
}): Promise<{ id: string; slug: string; name: string }> {
  for (const slug of slugCandidates(args.name)) {
    try {
      const workspace = await db.workspace.create({
        data: {
          name: args.name,
          slug,
          memberships: { create: { userId: args.user.id, role: "owner" } },
        },
        select: { id: true, slug: true, name: true },
      });
      await recordAudit({
        workspaceId: workspace.id,
        actor: args.user,
        action: "workspace.created",
        target: { type: "workspace", id: workspace.id },
        details: { name: workspace.name, slug: workspace.slug },
      });
      return workspace;
    } catch (e) {
      // The slug is taken: try the next candidate.
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") continue;
      throw e;
    }
  }
  throw new AppError("conflict", "Could not find a free address for this workspace. Try again.");
}
