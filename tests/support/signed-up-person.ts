import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";

/**
 * A person signed up through the studio's own code, with their personal workspace and the
 * session cookie a browser of theirs would send. The studio's modules are loaded here, not at the
 * top, because they read the environment a test or the benchmark sets up first.
 */
export async function signedUpPerson(label: string, authSecret: string) {
  const { db } = await import("@/lib/db");
  const { signUp } = await import("@/lib/users/sign-up");
  const email = `${label}-${randomUUID()}@example.com`;
  const { userId, slug } = await signUp({ email, password: `${label} test password` });
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { slug },
    select: { id: true, slug: true },
  });
  const token = await encode({ token: { sub: userId, email, sv: 0 }, secret: authSecret });
  return { userId, email, slug, workspace, cookie: `next-auth.session-token=${token}` };
}
