import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isPlainActionReply } from "@/lib/http/plain-action-reply";
import { readBody, replayBody } from "@/lib/http/replayable-body";
import { proxyFreeHeaders } from "@/lib/http/security-headers";
import { readServerActionBuild, type ServerActionBuild } from "@/lib/http/server-action-build";
import { serverActionOrigin } from "@/lib/http/server-action-origin";

/**
 * The production server's answer, before Next.js, to requests Next.js 16 would answer with a 500
 * and a stack trace in the log although the client is at fault (see the README's Security
 * section): another method than GET or HEAD on a static file; a server action from another site,
 * with an Origin that is not a URL, an id the build does not have, or a body its decoder cannot
 * read; and form posts to pages, which the studio has none of. True when it answered; otherwise the
 * request goes on to Next.js unchanged, its body (if it was read) readable again from the start.
 */
export async function refuseMalformed(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path.startsWith("/_next/static/")) {
    if (req.method === "GET" || req.method === "HEAD") return false;
    return refuse(res, 405, "Method Not Allowed", { allow: "GET, HEAD" });
  }
  // Next.js hands a POST to its action handler on a page: anything but a route handler's path.
  if (req.method !== "POST" || ROUTE_HANDLERS.some((prefix) => path.startsWith(prefix)))
    return false;
  // Next.js takes the header as a fetch action's only when it is one string.
  const header = req.headers[ACTION_HEADER];
  const actionId = typeof header === "string" ? header : undefined;
  const contentType = req.headers["content-type"] ?? "";
  // Next.js's own test for a form's action (a post without JavaScript), case and all.
  const isFormPost = contentType.startsWith("multipart/form-data");
  if (actionId === undefined && !isFormPost) return false;

  const build = serverActionBuild();
  const origin = serverActionOrigin(req.headers, build.allowedOrigins);
  if (origin === "unreadable") return refuse(res, 400, "Unreadable Origin header.");
  if (origin === "cross-site") return refuse(res, 403, "Cross-site Server Action request.");
  // No page of the studio's posts a form to a server action: its actions are all called from
  // its client code. Next.js answers a form it can't find an action in with this, or a 500.
  if (actionId === undefined) return unrecognizedAction(res, 400);
  // Next.js's ids are 42 characters: another length can't be one (400), a right one from another
  // build can (409, which tells a page left open across a deploy to reload).
  if (actionId.length !== ACTION_ID_LENGTH) return unrecognizedAction(res, 400);
  if (!build.ids.has(actionId)) return unrecognizedAction(res, 409);
  // The studio's client sends every action's arguments as text (lib/http/plain-action-reply.ts).
  if (contentType.split(";")[0]?.trim().toLowerCase() !== "text/plain")
    return refuse(res, 415, "A Server Action's body is text/plain.");
  if (Number(req.headers["content-length"] ?? 0) > build.bodyLimit) return tooLarge(res);
  const body = await readBody(req, build.bodyLimit);
  if (body === "too-large") return tooLarge(res);
  if (body === "aborted") {
    res.destroy();
    return true;
  }
  if (!isPlainActionReply(body.toString("utf8")))
    return refuse(res, 400, "Invalid Server Action request.");
  replayBody(req, body);
  return false;
}

const ACTION_HEADER = "next-action";
const ACTION_ID_LENGTH = 42;
/** Paths answered by route handlers (app/api, app/media) or by Next.js's own files. */
const ROUTE_HANDLERS = ["/api/", "/media/", "/_next/"];

let build: ServerActionBuild | undefined;
function serverActionBuild(): ServerActionBuild {
  build ??= readServerActionBuild();
  return build;
}

const HEADERS = {
  ...Object.fromEntries(proxyFreeHeaders(false).map((h) => [h.key, h.value])),
  "cache-control": "no-store",
  "content-type": "text/plain; charset=utf-8",
};

function refuse(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): true {
  res.writeHead(status, { ...HEADERS, ...headers }).end(message);
  return true;
}

/** As Next.js answers it, with the header its client reads as "this action is not here". */
function unrecognizedAction(res: ServerResponse, status: 400 | 409): true {
  return refuse(
    res,
    status,
    status === 400 ? "Invalid Server Action request." : "Server Action unavailable.",
    { "x-nextjs-action-not-found": "1" },
  );
}

/** The rest of the body is not read: the connection closes after the answer. */
function tooLarge(res: ServerResponse): true {
  return refuse(res, 413, "Body exceeded the Server Action size limit.", { connection: "close" });
}
