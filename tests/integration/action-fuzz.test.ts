import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { newWorkspace } from "@/tests/support/studio";

// Every server action, called the way a browser (or an attacker) can: with any value at all.
// The session is a real member's, so the hostile input reaches validation and the domain.
const session = vi.hoisted(() => ({ value: null as unknown }));
vi.mock("@/lib/auth/session-claims", () => ({
  sessionClaims: async () => session.value,
}));
vi.mock("next/headers", () => {
  const jar = new Map<string, string>();
  return {
    headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9", "user-agent": "fuzz" }),
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      set: (name: string, value: string) => jar.set(name, value),
      delete: (name: string) => jar.delete(name),
    }),
  };
});

type Action = (input: unknown) => Promise<unknown>;
const root = resolve(import.meta.dirname, "../../lib/actions");
let slug = "";

async function allActions(): Promise<[string, Action][]> {
  const found: [string, Action][] = [];
  for (const domain of readdirSync(root, { withFileTypes: true })) {
    if (!domain.isDirectory()) continue;
    for (const file of readdirSync(join(root, domain.name))) {
      const mod = (await import(join(root, domain.name, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value === "function" && name.endsWith("Action"))
          found.push([`${domain.name}/${name}`, value as Action]);
      }
    }
  }
  return found;
}

async function rowCounts(): Promise<Record<string, number>> {
  return {
    users: await db.user.count(),
    workspaces: await db.workspace.count(),
    memberships: await db.membership.count(),
    generations: await db.generation.count(),
    collections: await db.collection.count(),
    shares: await db.shareLink.count(),
    invites: await db.invite.count(),
    favorites: await db.favorite.count(),
  };
}

const weird = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\uD800",
    "😀".repeat(2000),
    "' OR 1=1 --",
    "__proto__",
    "constructor",
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
// Hostile inputs: any JSON value, and objects that look like real inputs but have wrong types.
const hostile = fc.oneof(
  fc.anything(),
  fc.record(
    {
      workspaceSlug: fc.oneof(weird, fc.constant("SLUG")),
      generationId: weird,
      collectionId: weird,
      prompt: fc.oneof(weird, fc.constant("字".repeat(1501)), fc.constant("   ")),
      promptOptimizer: weird,
      idempotencyKey: weird,
      role: weird,
      name: fc.oneof(weird, fc.constant("x".repeat(10_000))),
      email: weird,
      password: weird,
      token: weird,
      userId: weird,
      apiKey: weird,
      limit: weird,
      expiresInDays: weird,
    },
    { requiredKeys: [] },
  ),
  fc.array(fc.anything(), { maxLength: 5 }),
);

function withSlug(value: unknown): unknown {
  if (
    value &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    (value as { workspaceSlug?: unknown }).workspaceSlug === "SLUG"
  ) {
    return { ...value, workspaceSlug: slug };
  }
  return value;
}

let userId = "";

/** The member's current session: "sign out everywhere" (one of the actions) ends the old one. */
async function signInAgain(): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  session.value = { userId: user.id, sessionVersion: user.sessionVersion };
}

beforeAll(async () => {
  const ctx = await newWorkspace();
  userId = ctx.userId;
  slug = ctx.workspace.slug;
  await signInAgain();
});

describe("every server action under hostile input", () => {
  it("answers with a typed error — never throws, never 'internal' — and changes no row", async () => {
    const actions = await allActions();
    expect(actions.length).toBeGreaterThan(25);
    for (const [name, action] of actions) {
      const answers = new Set<string>();
      await fc.assert(
        fc.asyncProperty(hostile, async (raw) => {
          await signInAgain();
          const countsBefore = await rowCounts();
          const result = (await action(withSlug(raw))) as { ok: boolean; error?: { code: string } };
          expect(typeof result?.ok, name).toBe("boolean");
          answers.add(result.ok ? "ok" : (result.error?.code ?? "none"));
          if (!result.ok) {
            const input = `${name}: ${JSON.stringify(raw)?.slice(0, 200)}`;
            expect(result.error?.code, input).not.toBe("internal");
            // A refused input leaves nothing behind. (Input that happens to be valid — a random
            // string is a fine workspace name — may create what it asks for.)
            expect(await rowCounts(), input).toEqual(countsBefore);
          }
        }),
        { numRuns: 60 },
      );
      // The input reached the action's own checks, not only the sign-in gate.
      expect([...answers], name).not.toEqual(["unauthorized"]);
      // Every run: a NUL character, which PostgreSQL refuses to store or even compare.
      await signInAgain();
      const nul = (await action({ workspaceSlug: "a\u0000b", name: "x\u0000", id: "\u0000" })) as {
        ok: boolean;
        error?: { code: string };
      };
      expect(nul.ok ? "ok" : nul.error?.code, `${name} with NUL`).not.toBe("internal");
    }
  });
});
