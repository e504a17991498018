import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { Credentials } from "@/lib/auth/schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createUserWithWorkspace } from "@/lib/users/create-user";

/** Creates the account and its personal workspace together. */
export async function signUp(credentials: Credentials): Promise<{ userId: string; slug: string }> {
  const passwordHash = await hashPassword(credentials.password);
  try {
    const { userId, slug } = await db.$transaction((tx) =>
      createUserWithWorkspace(tx, { email: credentials.email, passwordHash }),
    );
    return { userId, slug };
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new AppError("conflict", "An account with this email already exists");
    }
    throw e;
  }
}
