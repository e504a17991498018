import { type NextRequest, NextResponse } from "next/server";
import { receiveCallback } from "@/lib/generations/receive-callback";
import { errorResponse, jsonError } from "@/lib/http/json-error";
import { readCappedText } from "@/lib/http/read-capped-text";
import { MAX_CALLBACK_BYTES } from "@/lib/kie/callback";

// POST /api/kie/callback?t=<token> — kie.ai task finished
export async function POST(req: NextRequest): Promise<NextResponse> {
  try {
    const body = await readCappedText(req, MAX_CALLBACK_BYTES);
    if (!body.ok) {
      return body.reason === "too_large"
        ? jsonError(413, "body_too_large")
        : jsonError(400, "unreadable_body");
    }
    const result = await receiveCallback({
      token: req.nextUrl.searchParams.get("t"),
      rawBody: body.text,
      timestamp: req.headers.get("x-webhook-timestamp"),
      signature: req.headers.get("x-webhook-signature"),
    });
    if (!result.ok) return jsonError(result.status, result.error);
    return NextResponse.json({ code: 200, msg: "success" });
  } catch (e) {
    return errorResponse(e, "POST /api/kie/callback");
  }
}
