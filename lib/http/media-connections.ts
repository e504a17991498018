import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import ipaddr from "ipaddr.js";
import { proxyFreeHeaders } from "@/lib/http/security-headers";

/**
 * Video connections one client address may hold open at once. A player uses one or two; a
 * gallery of them, or an office behind one NAT address, a few dozen. Each open connection costs
 * the server a little memory and a socket, so one client can't hold hundreds.
 */
export const MEDIA_CONNECTIONS_PER_ADDRESS = 32;

/**
 * A media answer whose client has taken no bytes for this long is dropped, as nginx's
 * send_timeout drops one (60 s there). A player that paused its download reconnects with a
 * Range when it needs more, so dropping it costs a request; keeping it costs a socket and the
 * bytes queued for it.
 */
export const MEDIA_STALL_MS = 30_000;

/** How long a refused client is told to wait. */
const RETRY_AFTER_S = 5;

// Video bytes: signed links, a share link's video, a member's video. Posters are small and read
// whole, so they are only watched for stalls, not counted against the address.
const VIDEO_PATH =
  /^\/(?:media\/|api\/s\/[^/?]+\/media\/[^/?]+\/video(?:[?/]|$)|api\/w\/[^/?]+\/generations\/[^/?]+\/video(?:[?/]|$))/;
const POSTER_PATH =
  /^\/api\/(?:s\/[^/?]+\/media\/[^/?]+|w\/[^/?]+\/generations\/[^/?]+)\/poster(?:[?/]|$)/;

/** Whether a request path is one whose answer is media bytes, and whether it counts. */
export function mediaPathKind(url: string): "video" | "poster" | null {
  if (VIDEO_PATH.test(url)) return "video";
  if (POSTER_PATH.test(url)) return "poster";
  return null;
}

/**
 * The group an address's connections are counted in: an IPv6 client usually holds a whole /64,
 * so that is one client; an IPv4 address is itself.
 */
export function addressGroup(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(":")}::/64`;
}

/**
 * The bytes the kernel has yet to take from a socket's current write. libuv's own count, read
 * from the handle because Node's public `writableLength` moves only when a whole write is done,
 * and a range of several megabytes is one write.
 */
function queuedInLibuv(socket: Socket): number {
  const handle = (socket as unknown as { _handle?: { writeQueueSize?: unknown } })._handle;
  return typeof handle?.writeQueueSize === "number" ? handle.writeQueueSize : 0;
}

interface Watched {
  socket: Socket;
  pending: number;
  queued: number;
  since: number;
}

export interface MediaConnections {
  /**
   * Counts and watches a media request's answer until it ends. False when the client already
   * holds its share of connections; it has then been answered 429.
   */
  admit(req: IncomingMessage, res: ServerResponse, address: string): boolean;
}

export function mediaConnections(
  opts: { perAddress?: number; stallMs?: number } = {},
): MediaConnections {
  const perAddress = opts.perAddress ?? MEDIA_CONNECTIONS_PER_ADDRESS;
  const stallMs = opts.stallMs ?? MEDIA_STALL_MS;
  const open = new Map<string, number>();
  const watched = new Set<Watched>();
  const security = Object.fromEntries(proxyFreeHeaders(false).map((h) => [h.key, h.value]));
  let sweeper: NodeJS.Timeout | null = null;

  // One timer for every answer, ticking only while there are some.
  function sweep() {
    const now = Date.now();
    for (const w of watched) {
      const pending = w.socket.writableLength;
      const queued = queuedInLibuv(w.socket);
      // Nothing waiting for the client, or the client took some: not stalled.
      if (pending === 0 || pending !== w.pending || queued !== w.queued) {
        w.pending = pending;
        w.queued = queued;
        w.since = now;
      } else if (now - w.since >= stallMs) {
        watched.delete(w);
        w.socket.destroy();
      }
    }
    if (watched.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = null;
    }
  }

  function watch(res: ServerResponse) {
    const socket = res.socket;
    if (!socket) return;
    const w: Watched = { socket, pending: 0, queued: 0, since: Date.now() };
    watched.add(w);
    res.once("close", () => watched.delete(w));
    sweeper ??= setInterval(sweep, Math.max(100, Math.min(1000, stallMs / 4))).unref();
  }

  function refuse(req: IncomingMessage, res: ServerResponse) {
    const body = JSON.stringify({
      error: "too_many_connections",
      message: "Too many media connections from this address; try again shortly",
    });
    res.writeHead(429, {
      ...security,
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "cache-control": "no-store",
      "retry-after": String(RETRY_AFTER_S),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  }

  return {
    admit(req, res, address) {
      const kind = mediaPathKind(req.url ?? "/");
      if (!kind) return true;
      if (kind === "video") {
        const group = addressGroup(address);
        const count = open.get(group) ?? 0;
        if (count >= perAddress) {
          refuse(req, res);
          return false;
        }
        open.set(group, count + 1);
        res.once("close", () => {
          const left = (open.get(group) ?? 1) - 1;
          if (left <= 0) open.delete(group);
          else open.set(group, left);
        });
      }
      watch(res);
      return true;
    },
  };
}
