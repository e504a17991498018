import type { ServerResponse } from "node:http";

/**
 * Where a media route handler puts its answer's length for the production server. Next.js drops
 * every Content-Length a route handler sets (send-response.ts: it may have decoded the body it
 * forwards), so a HEAD would tell a player nothing and a GET would be chunked. A media answer's
 * length is planned exactly (lib/http/media-response-plan.ts), so the front door puts it back.
 */
export const MEDIA_LENGTH_HEADER = "x-studio-content-length";

/** Turns the internal header back into Content-Length as the answer's headers are sent. */
export function restoreMediaLength(res: ServerResponse): void {
  const writeHead = res.writeHead;
  // Node sends headers set by setHeader through writeHead, whether Next.js calls it or Node
  // does on the first write: the one moment to swap the header in.
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    const length = this.getHeader(MEDIA_LENGTH_HEADER);
    if (length !== undefined) {
      this.removeHeader(MEDIA_LENGTH_HEADER);
      if (/^\d+$/.test(String(length)) && !this.hasHeader("transfer-encoding")) {
        this.setHeader("content-length", String(length));
      }
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
}
