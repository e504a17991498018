// next-auth's client (with its Babel runtime) is imported on the press that needs it: every
// studio page has a sign-out button, and few pages see it pressed.
const nextAuth = () => import("next-auth/react");

export type SignInOutcome = "ok" | "rejected" | "rate_limited" | "unavailable" | "failed";

// next-auth v4 answers a request whose CSRF token doesn't match its cookie with a redirect to
// ".../signin?csrf=true" — which its client reports as ok, with no error. It happens when two
// first requests race to set that cookie (a slow first load), so such an answer is tried again.
const CSRF_REFUSED = "csrf=true";
const ATTEMPTS = 2;

/** Email + password sign-in that makes sure a session really exists afterwards. */
export async function signInWithCredentials(
  email: string,
  password: string,
): Promise<SignInOutcome> {
  const { getSession, signIn } = await nextAuth();
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result) return "failed";
    if (result.error === "CredentialsSignin") return "rejected";
    if (result.error === "rate_limited") return "rate_limited";
    if (result.error === "unavailable") return "unavailable";
    if (result.error) return "failed";
    if (!result.ok) return "failed";
    if (!result.url?.includes(CSRF_REFUSED) && (await getSession())) return "ok";
  }
  return "failed";
}

/** Sign out without next-auth's redirect (built from NEXTAUTH_URL, maybe another host or port). */
export async function signOutHere(): Promise<void> {
  const { signOut } = await nextAuth();
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const result = await signOut({ redirect: false });
    if (!result.url.includes(CSRF_REFUSED)) return;
  }
}
