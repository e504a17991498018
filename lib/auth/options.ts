import "server-only";
import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { sameOriginCallbackUrl } from "@/lib/auth/callback-url";
import { oauthProviders, verifiedEmailOf } from "@/lib/auth/oauth-providers";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { readSessionVersion } from "@/lib/auth/read-session-version";
import { credentialsSchema } from "@/lib/auth/schemas";
import { isSessionCurrent } from "@/lib/auth/session-version";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { clientIp, signInGuesses } from "@/lib/rate-limit/limits";
import type { Guess } from "@/lib/rate-limit/password-guesses";
import { signInWithOAuth } from "@/lib/users/sign-in-with-oauth";

// A hash to verify against when the email is unknown, so a sign-in takes as long whether or not
// the account exists.
let dummyHash: Promise<string> | undefined;
function unknownUserHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}

export function authOptions(): NextAuthOptions {
  const e = env();
  // next-auth builds GitHub's and Google's redirect URI from NEXTAUTH_URL; the studio's public
  // address is APP_URL.
  process.env.NEXTAUTH_URL ??= e.APP_URL;
  return {
    secret: e.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    // Errors (a refused OAuth sign-in) come back to the sign-in page as ?error=<code>.
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw, req) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          // Wrong passwords are slowed per account and address, and per account overall
          // (signInGuesses); next-auth shows the thrown message's code to the sign-in form.
          const ip = clientIp({ get: (name) => headerValue(req?.headers, name) });
          let guess: Guess;
          try {
            guess = await signInGuesses.take(parsed.data.email, ip);
          } catch (e) {
            // next-auth puts the message in the sign-in page's URL: never a database's words.
            logger.error({ err: e }, "sign-in rate limit could not be checked");
            throw new Error("unavailable");
          }
          if (guess.waitMs > 0) throw new Error("rate_limited");
          const user = await db.user.findUnique({
            where: { email: parsed.data.email },
            omit: { passwordHash: false },
          });
          const ok = await verifyPassword(
            user?.passwordHash ?? (await unknownUserHash()),
            parsed.data.password,
          );
          if (!user || !ok) return null;
          // Left uncounted, a right password would only cost one guess: never a refusal.
          await guess.forgive().catch((e) => logger.warn({ err: e }, "sign-in guess not returned"));
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            sessionVersion: user.sessionVersion,
          };
        },
      }),
      ...oauthProviders(),
    ],
    // next-auth's errors go to the studio's log, which masks secrets.
    logger: {
      error(code, metadata) {
        // next-auth answers a refused token as signed out and clears its cookie: not an error.
        if (metadata instanceof StaleSessionError) return;
        logger.error({ code, err: metadata }, "next-auth error");
      },
    },
    callbacks: {
      // Only to a page of this site, and never a throw (next-auth's own answers 500 to a value
      // that is not a URL, such as "\\evil.example/").
      redirect({ url, baseUrl }) {
        return sameOriginCallbackUrl(url, baseUrl) ?? `${baseUrl}/`;
      },
      async signIn({ user, account, profile }) {
        if (account?.type !== "oauth") return true;
        try {
          const ours = await signInWithOAuth({
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            verifiedEmail: verifiedEmailOf(profile),
            name: user.name,
            image: user.image,
          });
          // Without a database adapter next-auth hands this same object to the jwt callback:
          // from here on it is our user, not the provider's profile.
          user.id = ours.userId;
          user.sessionVersion = ours.sessionVersion;
          return true;
        } catch (err) {
          if (isAppError(err) && err.code === "forbidden") return "/sign-in?error=EmailNotVerified";
          // The address belongs to a password account, which is never linked (see signInWithOAuth).
          if (isAppError(err) && err.code === "conflict") return "/sign-in?error=PasswordAccount";
          throw err;
        }
      },
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = user.sessionVersion ?? 0;
          return token;
        }
        // Every later read of the session (next-auth's /api/auth/session, getServerSession)
        // checks the token against the person's session version, as currentUser() does for the
        // studio's own routes: one primary-key read, on requests a page makes now and then.
        if (!(await isTokenCurrent(token))) throw new StaleSessionError();
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) {
          session.user.id = token.sub;
          session.user.sessionVersion = token.sv ?? 0;
        }
        return session;
      },
    },
  };
}

/** A token from before "sign out everywhere", or of an account that no longer exists. */
class StaleSessionError extends Error {
  constructor() {
    super("session signed out");
  }
}

async function isTokenCurrent(token: JWT): Promise<boolean> {
  if (!token.sub) return false;
  try {
    const version = await readSessionVersion(token.sub);
    return version !== null && isSessionCurrent(token.sv, version);
  } catch (e) {
    // Throwing here would make next-auth clear the cookie: a database blip must not sign
    // everyone out (the studio's own routes, which read the database too, answer 503 then).
    logger.warn({ err: e }, "session version could not be checked");
    return true;
  }
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : null;
}
