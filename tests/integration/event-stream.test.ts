import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/w/[slug]/events/route";
import { publishGenerationEvent } from "@/lib/events/bus";
import { removeMember } from "@/lib/workspaces/remove-member";
import { signInAs, team } from "@/tests/support/session";
import { listenToEvents } from "@/tests/support/sse";
import { waitFor } from "@/tests/support/studio";

vi.mock("@/lib/auth/session-claims", () => ({
  sessionClaims: async () => (await import("@/tests/support/session")).currentSession(),
}));

// The studio's real event stream route behind a real HTTP server, read by a real SSE client.
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    const ctrl = new AbortController();
    res.on("close", () => ctrl.abort());
    const slug = decodeURIComponent(/^\/api\/w\/([^/]+)\/events/.exec(req.url ?? "")?.[1] ?? "");
    void GET(new NextRequest(`http://127.0.0.1${req.url}`, { signal: ctrl.signal }), {
      params: Promise.resolve({ slug }),
    }).then((response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (!response.body) return res.end();
      Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("GET /api/w/:slug/events", () => {
  it("ends the stream of a member removed after it connected; the others carry on", async () => {
    const t = await team();
    const url = `${base}/api/w/${t.workspace.slug}/events`;
    const open = async (who: { id: string }) => {
      const seen = new Map<string, string[]>();
      signInAs(who);
      const stream = listenToEvents(url, "", seen);
      await stream.ready;
      return { seen, stream };
    };
    const removed = await open(t.member);
    const admin = await open(t.admin);
    let ended = false;
    void removed.stream.closed.then(() => {
      ended = true;
    });
    try {
      publishGenerationEvent({ workspaceId: t.workspace.id, generationId: "g1", state: "waiting" });
      await waitFor(async () => removed.seen.has("g1") && admin.seen.has("g1"), {
        what: "the first event on both streams",
      });

      // On PostgreSQL the bus delivers only what comes back through LISTEN/NOTIFY, so this is
      // the path a removal made on another instance takes.
      await removeMember({
        workspace: t.workspace,
        actor: { ...t.owner, role: "owner" },
        userId: t.member.id,
      });
      await waitFor(async () => ended, {
        timeoutMs: 5000,
        what: "the removed member's stream to end",
      });

      publishGenerationEvent({ workspaceId: t.workspace.id, generationId: "g2", state: "waiting" });
      await waitFor(async () => admin.seen.has("g2"), { what: "the next event for the admin" });
      expect(removed.seen.has("g2")).toBe(false);
      expect(ended).toBe(true);

      // The browser's reconnect is refused like any stranger's.
      signInAs(t.member);
      await expect(listenToEvents(url, "", new Map()).ready).rejects.toThrow(/404/);
    } finally {
      removed.stream.abort();
      admin.stream.abort();
    }
  });
});
