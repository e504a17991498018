import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createUserWithWorkspace } from "@/lib/users/create-user";

export interface OAuthIdentity {
  provider: string;
  providerAccountId: string;
  /** Only an address the provider says is verified; null when it has none. */
  verifiedEmail: string | null;
  name?: string | null;
  image?: string | null;
}

async function findOrCreate(identity: OAuthIdentity) {
  const linked = await db.account.findUnique({
    where: {
      provider_providerAccountId: {
        provider: identity.provider,
        providerAccountId: identity.providerAccountId,
      },
    },
    select: { user: { select: { id: true, sessionVersion: true } } },
  });
  if (linked) return { userId: linked.user.id, sessionVersion: linked.user.sessionVersion };

  const email = identity.verifiedEmail?.trim().toLowerCase();
  if (!email) throw new AppError("forbidden", "The provider did not share a verified email");

  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({
      where: { email },
      select: { id: true, sessionVersion: true, passwordHash: true },
    });
    // Password accounts never proved they own their address: linking a verified sign-in to one
    // could hand someone else's GitHub or Google identity to whoever registered it first.
    if (existing?.passwordHash) {
      throw new AppError(
        "conflict",
        "An account with this email signs in with a password. Sign in with your email and password.",
      );
    }
    const user = existing
      ? { userId: existing.id, sessionVersion: existing.sessionVersion }
      : await createUserWithWorkspace(tx, { email, name: identity.name, image: identity.image });
    await tx.account.create({
      data: {
        userId: user.userId,
        provider: identity.provider,
        providerAccountId: identity.providerAccountId,
      },
    });
    return { userId: user.userId, sessionVersion: user.sessionVersion };
  });
}

/**
 * A GitHub or Google sign-in: the person already linked to this account, else the person with
 * the same verified email who has no password (linked now), else a new person with a personal
 * workspace.
 */
export async function signInWithOAuth(
  identity: OAuthIdentity,
): Promise<{ userId: string; sessionVersion: number }> {
  try {
    return await findOrCreate(identity);
  } catch (e) {
    // Two first sign-ins at once: the other one created the rows; use them.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      return findOrCreate(identity);
    }
    throw e;
  }
}
