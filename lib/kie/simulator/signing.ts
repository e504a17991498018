import { createHmac, timingSafeEqual } from "node:crypto";

// The simulator signs on its own rather than importing the client's verifier, so a bug in one
// cannot hide the same bug in the other.

/** kie.ai's webhook signature: base64(HMAC-SHA256(taskId + "." + timestampSeconds, key)). */
export function signWebhook(params: { taskId: string; timestamp: string; key: string }): string {
  return createHmac("sha256", params.key)
    .update(`${params.taskId}.${params.timestamp}`)
    .digest("base64");
}

// A task id never holds a "/" or ":", so a result file's subject and an upload's
// ("upload:<filePath>") can never sign the same text.
function fileSignature(subject: string, expires: number, secret: string): string {
  return createHmac("sha256", secret).update(`${subject}.${expires}`).digest("base64url");
}

function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
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
  return sameSignature(params.sig, fileSignature(params.taskId, params.expires, params.secret));
}

/** The signature of an uploaded file's download link: its path in the upload store and expiry. */
export function signUpload(params: { filePath: string; expires: number; secret: string }): string {
  return fileSignature(`upload:${params.filePath}`, params.expires, params.secret);
}

export function verifyUploadSignature(params: {
  filePath: string;
  expires: number;
  sig: string;
  secret: string;
}): boolean {
  return sameSignature(params.sig, signUpload(params));
}
