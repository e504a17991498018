import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request: the options read the environment, which must not happen at build time.
function handler(req: NextRequest, ctx: Context) {
  return NextAuth(authOptions())(req, ctx);
}

// GET|POST /api/auth/* — next-auth (sign-in, sign-out, session, CSRF)
export { handler as GET, handler as POST };
