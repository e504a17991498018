import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { reserveMediaBuffer } from "@/lib/http/media-buffer-budget";
import { planMediaResponse } from "@/lib/http/media-response-plan";
import { mediaRequestHeaders } from "@/lib/http/media-validators";
import { proxyFreeHeaders } from "@/lib/http/security-headers";
import { logger } from "@/lib/logger";
import type { MediaLinkCheck, MediaLinks } from "@/lib/media/media-links";
import { appMediaLinks } from "@/lib/media/play-link";
import { processSingleton } from "@/lib/process-singleton";
import { mediaStorage } from "@/lib/storage";
import type { MediaStorage } from "@/lib/storage/media-storage";

export type MediaLinkAdmission =
  | { ok: true; key: string; expiresAt: number }
  | { ok: false; status: 403 | 404 | 405; error: string; message: string };

/**
 * Whether a request for a signed media link is served, and if not, the answer. One wording for the
 * production server's door and the route handler behind it.
 */
export function admitMediaLink(method: string, check: MediaLinkCheck): MediaLinkAdmission {
  if (method !== "GET" && method !== "HEAD") {
    return { ok: false, status: 405, error: "method_not_allowed", message: "Use GET or HEAD" };
  }
  if (check.ok) return check;
  if (check.reason === "expired") {
    return {
      ok: false,
      status: 403,
      error: "link_expired",
      message: "This media link has expired",
    };
  }
  if (check.reason === "forbidden") {
    return { ok: false, status: 403, error: "forbidden", message: "This media link isn't valid" };
  }
  return { ok: false, status: 404, error: "not_found", message: "Not found" };
}

export type MediaDoor = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The production server's front door for signed media links (`/media/…`), answered straight from
 * Node's HTTP server before a request reaches Next.js. A video element fetches a file in many range
 * requests; each one here costs a signature check and a file read, where the framework's request
 * pipeline would cost more than the read. Everything else about the answer — ranges, headers,
 * caching — is planned by the same code the route handlers use (lib/http/media-response-plan.ts),
 * and `app/media/[...key]/route.ts` answers the same links wherever this door is not in front
 * (`next dev`, a bare `next start`).
 */
export function createMediaDoor(args: { links: MediaLinks; storage: MediaStorage }): MediaDoor {
  const security = Object.fromEntries(proxyFreeHeaders(false).map((h) => [h.key, h.value]));

  return async function serve(req, res) {
    const method = req.method ?? "GET";
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const check = args.links.verify(
      q === -1 ? url : url.slice(0, q),
      q === -1 ? "" : url.slice(q + 1),
    );
    const admitted = admitMediaLink(method, check);
    const sendError = (status: number, error: string, message: string) => {
      const body = JSON.stringify({ error, message });
      res.writeHead(status, {
        ...security,
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        "cache-control": "no-store",
        ...(status === 405 && { allow: "GET, HEAD" }),
      });
      res.end(method === "HEAD" ? undefined : body);
    };
    if (!admitted.ok) {
      sendError(admitted.status, admitted.error, admitted.message);
      return;
    }

    try {
      const object = await args.storage.stat(admitted.key);
      if (!object) {
        sendError(404, "not_found", "Not found");
        return;
      }
      const plan = planMediaResponse({
        object,
        method,
        request: mediaRequestHeaders((name) => req.headers[name]),
        audience: { linkExpiresAt: admitted.expiresAt },
      });
      const headers = { ...security, ...plan.headers };
      const range = plan.range ?? { start: 0, end: object.size - 1 };
      // A range a player asks for is read into one buffer before the answer starts (so a failed
      // read can still be answered with an error) while the process's budget for such buffers
      // allows; the buffer is counted until the answer has ended, sent or dropped. Past the
      // budget, and for longer ranges, the file is streamed with backpressure.
      const release =
        plan.sendBody && args.storage.readBytes
          ? reserveMediaBuffer(range.end - range.start + 1)
          : null;
      if (release && args.storage.readBytes) {
        res.once("close", release);
        const bytes = await args.storage.readBytes(admitted.key, range);
        res.writeHead(plan.status, headers);
        res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        return;
      }
      res.writeHead(plan.status, headers);
      if (!plan.sendBody) {
        res.end();
        return;
      }
      await pipeline(await args.storage.read(admitted.key, plan.range), res);
    } catch (err) {
      // A viewer who seeks or leaves closes the connection mid-answer: nothing to report.
      if (req.destroyed || res.destroyed) return;
      logger.error({ route: "GET /media/:key", err }, "media door failed");
      if (!res.headersSent) {
        sendError(500, "internal", "Something went wrong");
      } else {
        res.destroy();
      }
    }
  };
}

/** Where the production server (scripts/server.mjs) finds this process's door. */
const MEDIA_DOOR_SINGLETON = "media-door";

/**
 * Sets up this process's door, or none when media is on S3 (the app then plays through its own
 * routes, and issues no links). Called at boot, inside the app's own bundle: the door shares the
 * app's one media store per process (lib/storage/index.ts), so a file the app deletes or replaces
 * is forgotten here at once.
 */
export function openMediaDoor(): MediaDoor | null {
  return processSingleton<MediaDoor | null>(MEDIA_DOOR_SINGLETON, () => {
    const links = appMediaLinks();
    return links && createMediaDoor({ links, storage: mediaStorage() });
  });
}
