import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "@/lib/http/client-address";
import {
  type MediaConnections,
  mediaConnections,
  mediaPathKind,
} from "@/lib/http/media-connections";
import { restoreMediaLength } from "@/lib/http/media-length";
import { refuseMalformed } from "@/lib/http/refuse-malformed";
import { type MediaDoor, openMediaDoor } from "@/lib/media/media-door";
import { processSingleton } from "@/lib/process-singleton";

/**
 * What the production server (scripts/server.mjs) calls for every request, before Next.js:
 * `next` hands the request on to Next.js.
 */
export type FrontDoor = (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => Promise<void>,
) => Promise<void>;

/**
 * The studio's own part of the production server, in the app's bundle so it is written in the
 * app's language and shares its modules. It stamps each request with the client's address, read
 * from the socket (and the trusted proxies' X-Forwarded-For, TRUST_PROXY), which only this server
 * can see; it sends signed media links to the media door; the rest goes to Next.js.
 *
 * Every answer of media bytes, the door's and Next.js's routes' alike, is counted and watched
 * here, the one place that holds each request's socket: a client gets a bounded number of video
 * connections, and one that stops reading is dropped (lib/http/media-connections.ts).
 */
export function createFrontDoor(args: {
  trustedHops: number;
  mediaDoor: MediaDoor | null;
  media?: MediaConnections;
}): FrontDoor {
  const { mediaDoor } = args;
  const media = args.media ?? mediaConnections();
  return async function front(req, res, next) {
    const address = resolveClientAddress({
      socketAddress: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      trustedHops: args.trustedHops,
    });
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    if (!media.admit(req, res, address)) return;
    if (mediaDoor && req.url?.startsWith("/media/")) return mediaDoor(req, res);
    if (await refuseMalformed(req, res)) return;
    if (mediaPathKind(req.url ?? "/")) restoreMediaLength(res);
    return next();
  };
}

/** Where the production server finds this process's front door. */
const FRONT_DOOR_SINGLETON = "front-door";

/** Sets up this process's front door; called at boot (lib/boot.ts). */
export function openFrontDoor(): FrontDoor {
  return processSingleton<FrontDoor>(FRONT_DOOR_SINGLETON, () =>
    createFrontDoor({ trustedHops: env().TRUST_PROXY, mediaDoor: openMediaDoor() }),
  );
}
