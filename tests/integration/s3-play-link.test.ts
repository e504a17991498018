import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/http/security-headers";
import { presignedPlayLink } from "@/lib/media/play-link";
import { s3MediaOrigin } from "@/lib/storage/s3-media-origin";
import { S3Storage } from "@/lib/storage/s3-storage";
import { type S3Server, startS3Server } from "@/tests/support/s3-server";

// With media on S3, a member's player fetches the video from the store itself, through a
// presigned GET, instead of every range passing through the studio after a session lookup.
let s3: S3Server;
let storage: S3Storage;
const KEY = "ckws3play01/ckgen3play01/video.mp4";
const bytes = randomBytes(256 * 1024);
const HOUR = 3600_000;

beforeAll(async () => {
  s3 = await startS3Server();
  storage = new S3Storage({ ...s3.options, prefix: "studio" });
  await storage.putBuffer(KEY, bytes, "video/mp4");
});

afterAll(async () => {
  await s3?.close();
});

describe("presigned play links", () => {
  it("play from the store: a Range GET answers 206 with the stored bytes", async () => {
    const url = (await presignedPlayLink(storage, KEY, Date.now())) ?? "";
    expect(url.startsWith(`${s3.options.endpoint}/`)).toBe(true);
    expect(url).toContain("X-Amz-Signature=");
    const res = await fetch(url, { headers: { range: "bytes=1000-1999" } });
    expect(res.status).toBe(206);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);
  });

  it("stay the same URL through a 12-hour window, so the browser's cache serves it again", async () => {
    const windowStart = Math.floor(Date.now() / (12 * HOUR)) * 12 * HOUR;
    const early = await presignedPlayLink(storage, KEY, windowStart + HOUR);
    const late = await presignedPlayLink(storage, KEY, windowStart + 11 * HOUR);
    const next = await presignedPlayLink(storage, KEY, windowStart + 13 * HOUR);
    expect(late).toBe(early);
    expect(next).not.toBe(early);
    // Good until 12 hours after the window ends.
    expect(new URL(early ?? "").searchParams.get("X-Amz-Expires")).toBe(String(24 * 3600));
  });

  it("are allowed by the pages' Content-Security-Policy", () => {
    const origin = s3MediaOrigin({
      S3_BUCKET: s3.options.bucket,
      S3_ENDPOINT: s3.options.endpoint,
      S3_REGION: "us-east-1",
    });
    expect(origin).toBe(new URL(s3.options.endpoint ?? "").origin);
    const csp = contentSecurityPolicy({
      nonce: "n",
      dev: false,
      embeddable: false,
      mediaOrigin: origin,
    });
    expect(csp).toContain(`media-src 'self' blob: ${origin}`);
    expect(s3MediaOrigin({ S3_BUCKET: "clips", S3_REGION: "eu-west-1" })).toBe(
      "https://clips.s3.eu-west-1.amazonaws.com",
    );
    expect(s3MediaOrigin({ S3_REGION: "eu-west-1" })).toBeNull();
  });
});
