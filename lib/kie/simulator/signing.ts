import { createHmac, timingSafeEqual } from "node:crypto";

// The simulator signs on its own rather than importing the client's verifier, so a bug in one
// cannot hide the same bug in the other.

/** kie.ai's webhook signature: base64(HMAC-SHA256(taskId + "." + timestampSeconds, key)). */
export function signWebhook(params: { taskId: string; timestamp: string; key: string }): string {
  return createHmac("sha256", params.key)
    .update(`${params.taskId}.${params.timestamp}`)
    .digest("base64");
}

function fileSignature(taskId: string, expires: number, secret: string): string {
  return createHmac("sha256", secret).update(`${taskId}.${expires}`).digest("base64url");
}

export function signFileUrl(params: {
  baseUrl: string;
  taskId: string;
  expires: number;
  secret: string;
}): string {
  const sig = fileSignature(params.taskId, params.expires, params.secret);
  return `${params.baseUrl}/files/${params.taskId}.mp4?expires=${params.expires}&sig=${sig}`;
}

export function verifyFileSignature(params: {
  taskId: string;
  expires: number;
  sig: string;
  secret: string;
}): boolean {
  const expected = Buffer.from(fileSignature(params.taskId, params.expires, params.secret));
  const given = Buffer.from(params.sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
