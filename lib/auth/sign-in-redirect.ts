import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

/** Set by the proxy on every page request: the path and query the visitor asked for. */
export const REQUEST_PATH_HEADER = "x-request-path";

/** Sends a signed-out visitor to sign in, and back to the page they asked for afterwards. */
export async function redirectToSignIn(): Promise<never> {
  const asked = safeCallbackUrl((await headers()).get(REQUEST_PATH_HEADER), "");
  redirect(
    asked && asked !== "/" ? `/sign-in?callbackUrl=${encodeURIComponent(asked)}` : "/sign-in",
  );
}
