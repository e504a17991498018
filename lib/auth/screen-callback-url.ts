import "server-only";
import { type NextRequest, NextResponse } from "next/server";
import { sameOriginCallbackUrl } from "@/lib/auth/callback-url";

/**
 * next-auth v4 checks the query's callbackUrl and its callback-url cookie itself, before any
 * callback of the studio runs, and answers 500 to a value `new URL` cannot read
 * ("\\evil.example/", " //evil"). So both are screened first. A query value that is not a path
 * of this site is dropped: next-auth then takes the form's (which the redirect callback screens),
 * else the cookie's, else the home page. A bad cookie, which the studio never sets (it stores
 * what the redirect callback allowed), is cleared and the request refused with 400.
 */
export function screenCallbackUrl(req: NextRequest, baseUrl: string): Response | null {
  const asked = req.nextUrl.searchParams.get("callbackUrl");
  if (asked !== null && !sameOriginCallbackUrl(asked, baseUrl)) {
    req.nextUrl.searchParams.delete("callbackUrl");
  }
  // next-auth's rule: the __Secure- cookie when the site is served over https.
  const secure = baseUrl.startsWith("https://");
  const name = `${secure ? "__Secure-" : ""}next-auth.callback-url`;
  const stored = req.cookies.get(name)?.value;
  if (stored === undefined || sameOriginCallbackUrl(stored, baseUrl)) return null;
  const refused = NextResponse.json({ error: "invalid_callback_url" }, { status: 400 });
  refused.cookies.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure });
  return refused;
}
