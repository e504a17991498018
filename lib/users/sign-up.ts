import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Credentials } from "@/lib/auth/schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

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

/** Creates the account and its personal workspace together: a person never exists without one. */
export async function signUp(credentials: Credentials): Promise<{ userId: string; slug: string }> {
  const passwordHash = await hashPassword(credentials.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: credentials.email, passwordHash },
        select: { id: true },
      });
      const workspace = await tx.workspace.create({
        data: {
          name: credentials.email.split("@")[0] ?? "Studio",
          slug: personalSlug(credentials.email),
          personal: true,
          memberships: { create: { userId: user.id, role: "owner" } },
        },
        select: { slug: true },
      });
      return { userId: user.id, slug: workspace.slug };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new AppError("conflict", "An account with this email already exists");
    }
    throw e;
  }
}
