import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

function personalSlug(email: string): string {
  const base =
    email
      .split("@")[0]
      ?.toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 24) || "studio";
  return `${base}-${randomBytes(3).toString("hex")}`;
}

/**
 * Creates a person and their personal workspace in the caller's transaction: a person never
 * exists without one, however they signed up (password or GitHub/Google).
 */
export async function createUserWithWorkspace(
  tx: Prisma.TransactionClient,
  data: { email: string; passwordHash?: string; name?: string | null; image?: string | null },
): Promise<{ userId: string; slug: string; sessionVersion: number }> {
  const user = await tx.user.create({
    data: {
      email: data.email,
      passwordHash: data.passwordHash ?? null,
      name: data.name ?? null,
      image: data.image ?? null,
    },
    select: { id: true, sessionVersion: true },
  });
  const workspace = await tx.workspace.create({
    data: {
      name: data.name?.trim() || data.email.split("@")[0] || "Studio",
      slug: personalSlug(data.email),
      personal: true,
      memberships: { create: { userId: user.id, role: "owner" } },
    },
    select: { slug: true },
  });
  return { userId: user.id, slug: workspace.slug, sessionVersion: user.sessionVersion };
}
