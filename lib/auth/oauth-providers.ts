import "server-only";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Provider } from "next-auth/providers/index";
import { env } from "@/lib/env";

export type OAuthProviderId = "github" | "google";

/** The sign-in providers switched on by their environment variables, for the sign-in pages. */
export function enabledOAuthProviders(): OAuthProviderId[] {
  const e = env();
  const ids: OAuthProviderId[] = [];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) ids.push("github");
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) ids.push("google");
  return ids;
}

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

function github(clientId: string, clientSecret: string): Provider {
  const base = GitHubProvider({ clientId, clientSecret });
  return {
    ...base,
    // GitHub's stock lookup takes the primary address whether or not it is verified; an account
    // is linked by email, so only a verified one will do.
    userinfo: {
      url: "https://api.github.com/user",
      async request({ client, tokens }) {
        const profile = await client.userinfo(tokens.access_token ?? "");
        const res = await fetch("https://api.github.com/user/emails", {
          headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/json" },
        });
        const emails = res.ok ? ((await res.json()) as GitHubEmail[]) : [];
        const verified = emails.filter((e) => e.verified);
        const chosen = verified.find((e) => e.primary) ?? verified[0];
        return { ...profile, email: chosen?.email ?? null, email_verified: Boolean(chosen) };
      },
    },
  } as Provider;
}

export function oauthProviders(): Provider[] {
  const e = env();
  const providers: Provider[] = [];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) {
    providers.push(github(e.AUTH_GITHUB_ID, e.AUTH_GITHUB_SECRET));
  }
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) {
    providers.push(
      GoogleProvider({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }),
    );
  }
  return providers;
}

/** The provider's verified address, or null: both GitHub (above) and Google say so explicitly. */
export function verifiedEmailOf(profile: unknown): string | null {
  const p = (profile ?? {}) as { email?: unknown; email_verified?: unknown };
  return p.email_verified === true && typeof p.email === "string" && p.email ? p.email : null;
}
