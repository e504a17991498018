import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { screenCallbackUrl } from "@/lib/auth/screen-callback-url";
import { env } from "@/lib/env";

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request: the options read the environment, which must not happen at build time.
async function handler(req: NextRequest, ctx: Context) {
  const options = authOptions();
  // The address next-auth builds its URLs on (authOptions() sets it from APP_URL).
  const refused = screenCallbackUrl(req, process.env.NEXTAUTH_URL ?? env().APP_URL);
  if (refused) return refused;
  return NextAuth(options)(req, ctx);
}

// GET|POST /api/auth/* — next-auth (sign-in, sign-out, session, CSRF)
export { handler as GET, handler as POST };
