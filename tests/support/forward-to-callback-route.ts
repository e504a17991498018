import type { IncomingMessage, ServerResponse } from "node:http";
import { NextRequest } from "next/server";
import { POST } from "@/app/api/kie/callback/route";

/** Hands a raw Node request to the studio's real callback route handler. */
export async function forwardToCallbackRoute(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const body = Buffer.concat(chunks);
  const response = await POST(
    new NextRequest(`http://127.0.0.1${req.url ?? "/"}`, {
      method: req.method,
      headers,
      body: body.length ? body : undefined,
    }),
  );
  res.writeHead(response.status, { "content-type": "application/json" });
  res.end(await response.text());
}
