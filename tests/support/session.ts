import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import type { Role } from "@/lib/workspaces/roles";

/**
 * The session cookie's claims `currentUser()` reads, in tests. A test file routes them through it:
 *
 *   vi.mock("@/lib/auth/session-claims", () => ({
 *     sessionClaims: async () => (await import("@/tests/support/session")).currentSession(),
 *   }));
 *
 * then says who is calling with `signInAs(user)` / `signOut()`.
 */
const slot: { value: unknown } = { value: null };

export function currentSession(): unknown {
  return slot.value;
}

export function signInAs(user: { id: string } | null): void {
  slot.value = user ? { userId: user.id, sessionVersion: 0 } : null;
}

export function signOut(): void {
  slot.value = null;
}

export interface Person {
  id: string;
  email: string;
}

/** A person with an account (no password: these tests never sign in through a form). */
export async function person(label = "p"): Promise<Person> {
  const email = `${label}-${randomUUID()}@example.com`;
  const user = await db.user.create({ data: { email }, select: { id: true, email: true } });
  return user;
}

export interface Team {
  workspace: { id: string; slug: string; name: string; personal: boolean };
  owner: Person;
  admin: Person;
  member: Person;
  viewer: Person;
  /** Someone with an account who belongs to another workspace, not this one. */
  stranger: Person;
  /** The person of a role. */
  as(role: Role): Person;
}

/** A team workspace with one person in each role, and a stranger. */
export async function team(name = "Night Shoot"): Promise<Team> {
  const [owner, admin, member, viewer, stranger] = await Promise.all([
    person("owner"),
    person("admin"),
    person("member"),
    person("viewer"),
    person("stranger"),
  ]);
  const workspace = await db.workspace.create({
    data: {
      name,
      slug: `t-${randomUUID().slice(0, 12)}`,
      memberships: {
        create: [
          { userId: owner.id, role: "owner" },
          { userId: admin.id, role: "admin" },
          { userId: member.id, role: "member" },
          { userId: viewer.id, role: "viewer" },
        ],
      },
    },
    select: { id: true, slug: true, name: true, personal: true },
  });
  // The stranger has a workspace of their own: signed in, a member somewhere, just not here.
  await db.workspace.create({
    data: {
      name: "Elsewhere",
      slug: `t-${randomUUID().slice(0, 12)}`,
      memberships: { create: [{ userId: stranger.id, role: "owner" }] },
    },
  });
  const byRole = { owner, admin, member, viewer };
  return { workspace, owner, admin, member, viewer, stranger, as: (role) => byRole[role] };
}

/** Adds someone to a workspace with a role. */
export async function join(workspaceId: string, role: Role, who?: Person): Promise<Person> {
  const p = who ?? (await person(role));
  await db.membership.create({ data: { userId: p.id, workspaceId, role } });
  return p;
}

type Handler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler the way Next.js does: a NextRequest and a promise of the params. */
export function callRoute<P>(
  handler: Handler<P>,
  path: string,
  params: P,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: Uint8Array<ArrayBuffer>;
    signal?: AbortSignal;
  } = {},
): Promise<Response> {
  return handler(new NextRequest(`http://127.0.0.1${path}`, init), {
    params: Promise.resolve(params),
  });
}

/** A response reduced to what a caller can observe besides timing: status, type and body. */
export async function observe(res: Response): Promise<{
  status: number;
  type: string | null;
  body: string;
}> {
  const type = res.headers.get("content-type");
  // A stream (events) or a video is not read to its end: its kind is what matters.
  const streaming = type?.startsWith("text/event-stream") || type?.startsWith("video/");
  const body = streaming ? `<${type}>` : await res.text();
  if (streaming) await res.body?.cancel();
  return { status: res.status, type, body };
}
