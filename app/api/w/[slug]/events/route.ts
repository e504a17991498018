import { subscribeGenerationEvents, subscribeMemberRemoved } from "@/lib/events/bus";
import { withWorkspace } from "@/lib/http/with-workspace";

export const dynamic = "force-dynamic";

const PING_MS = 20_000;

// GET /api/w/:slug/events — Server-Sent Events: a message each time a generation changes
export const GET = withWorkspace(
  "GET /api/w/:slug/events",
  async (req, { workspace, user }) => {
    const encoder = new TextEncoder();
    let cleanup = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (text: string) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            cleanup();
          }
        };
        send("retry: 3000\n: connected\n\n");
        const unsubscribe = subscribeGenerationEvents(workspace.id, (event) => {
          send(
            `event: generation\ndata: ${JSON.stringify({ id: event.generationId, state: event.state })}\n\n`,
          );
        });
        // Comments keep proxies from closing an idle stream.
        const ping = setInterval(() => send(": ping\n\n"), PING_MS);
        const close = () => {
          cleanup();
          try {
            controller.close();
          } catch {
            // already closed
          }
        };
        // Removed from the workspace (here or on another instance): the stream ends. The
        // browser's reconnect is then refused like any non-member's.
        const unsubscribeRemoval = subscribeMemberRemoved(
          { workspaceId: workspace.id, userId: user.id },
          close,
        );
        cleanup = () => {
          clearInterval(ping);
          unsubscribe();
          unsubscribeRemoval();
        };
        req.signal.addEventListener("abort", close);
      },
      cancel() {
        cleanup();
      },
    });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      },
    });
  },
  { permission: "gallery.view" },
);
