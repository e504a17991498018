import { createReadStream } from "node:fs";
import { stat, unlink } from "node:fs/promises";
import { Readable } from "node:stream";
import type { S3Client, S3ClientConfig } from "@aws-sdk/client-s3";
import type { MediaStorage, StoredObject } from "@/lib/storage/media-storage";

type S3Sdk = typeof import("@aws-sdk/client-s3");

export interface S3StorageOptions {
  bucket: string;
  /** Folder inside the bucket, e.g. `studio/`; keys are stored under it. */
  prefix?: string;
  region: string;
  /** An S3-compatible server (MinIO, R2, s3rver…); unset talks to AWS. */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Unset uses the SDK's default chain (instance role, AWS_* variables, profile). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Media on S3 or an S3-compatible store. Uploads and downloads stream: a video is never held in
 * memory whole, and a Range read asks the store for exactly those bytes.
 */
export class S3Storage implements MediaStorage {
  private readonly config: S3ClientConfig;
  private readonly bucket: string;
  private readonly prefix: string;
  private loaded?: Promise<{ sdk: S3Sdk; client: S3Client }>;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.prefix = options.prefix ? `${options.prefix.replace(/^\/+|\/+$/g, "")}/` : "";
    this.config = {
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
      credentials: options.credentials,
      // Default checksums make streamed uploads aws-chunked with a trailer, which many
      // S3-compatible servers refuse; AWS itself keeps the default.
      ...(options.endpoint
        ? {
            requestChecksumCalculation: "WHEN_REQUIRED",
            responseChecksumValidation: "WHEN_REQUIRED",
          }
        : {}),
    };
  }

  // The SDK is loaded on first use, not with this module: it costs a server about 20 MiB, and
  // every server imports this module while most keep their media on local disk.
  private s3(): Promise<{ sdk: S3Sdk; client: S3Client }> {
    this.loaded ??= import("@aws-sdk/client-s3").then((sdk) => ({
      sdk,
      client: new sdk.S3Client(this.config),
    }));
    return this.loaded;
  }

  // Keys come from the database, never from a request; the check still keeps a bad key inside
  // the prefix, as the local-disk storage keeps it inside its folder.
  private key(key: string): string {
    if (
      !key ||
      key.startsWith("/") ||
      key.split("/").some((part) => part === ".." || part === "")
    ) {
      throw new Error("Invalid storage key");
    }
    return this.prefix + key;
  }

  /** Uploads the file as one streamed PutObject (up to 5 GB), then removes it: a move. */
  async putFile(
    key: string,
    filePath: string,
    contentType: string,
    opts: { signal?: AbortSignal } = {},
  ): Promise<void> {
    const { size } = await stat(filePath);
    const { sdk, client } = await this.s3();
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key(key),
        Body: createReadStream(filePath),
        ContentLength: size,
        ContentType: contentType,
      }),
      { abortSignal: opts.signal },
    );
    await unlink(filePath).catch(() => {});
  }

  async putBuffer(key: string, data: Buffer, contentType: string): Promise<void> {
    const { sdk, client } = await this.s3();
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key(key),
        Body: data,
        ContentLength: data.length,
        ContentType: contentType,
      }),
    );
  }

  async stat(key: string): Promise<StoredObject | null> {
    const { sdk, client } = await this.s3();
    try {
      const head = await client.send(
        new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: this.key(key) }),
      );
      const size = head.ContentLength ?? 0;
      const lastModified = head.LastModified ?? new Date(0);
      return {
        size,
        contentType: head.ContentType ?? "application/octet-stream",
        // The store's own tag (an MD5 or a multipart digest), strong; a store that sends none
        // gets one from size and date, as local files do.
        etag:
          strongTag(head.ETag) ?? `"${size.toString(16)}-${lastModified.getTime().toString(16)}"`,
        lastModified,
      };
    } catch (err) {
      if (isNotFound(sdk, err)) return null;
      throw err;
    }
  }

  async read(key: string, range?: { start: number; end: number }): Promise<Readable> {
    const { sdk, client } = await this.s3();
    const object = await client.send(
      new sdk.GetObjectCommand({
        Bucket: this.bucket,
        Key: this.key(key),
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    if (!(object.Body instanceof Readable)) throw new Error("S3 returned no readable body");
    if (!range) return object.Body;
    const served = parseContentRange(object.ContentRange);
    if (served?.start === range.start && served.end === range.end) return object.Body;
    // The store answered more than was asked (some S3-compatible servers widen `bytes=0-0` to
    // the whole object, others ignore Range): cut the exact bytes out of the stream.
    const from = served?.start ?? 0;
    if (from > range.start) {
      object.Body.destroy();
      throw new Error(`S3 served bytes from ${from}, asked from ${range.start}`);
    }
    return Readable.from(sliceBytes(object.Body, range.start - from, range.end - range.start + 1), {
      objectMode: false,
    });
  }

  async presignedGet(key: string, opts: { signedAt: Date; expiresInS: number }): Promise<string> {
    const { sdk, client } = await this.s3();
    // Loaded with the SDK, on first use, for the same reason.
    const { getSignedUrl } = await import("@aws-sdk/s3-request-presigner");
    return getSignedUrl(
      client,
      new sdk.GetObjectCommand({ Bucket: this.bucket, Key: this.key(key) }),
      { signingDate: opts.signedAt, expiresIn: opts.expiresInS },
    );
  }

  async delete(key: string): Promise<void> {
    const { sdk, client } = await this.s3();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(key) }));
  }
}

function isNotFound(sdk: S3Sdk, err: unknown): boolean {
  if (!(err instanceof sdk.S3ServiceException)) return false;
  return (
    err.name === "NotFound" || err.name === "NoSuchKey" || err.$metadata.httpStatusCode === 404
  );
}

function strongTag(etag: string | undefined): string | null {
  if (!etag) return null;
  const tag = etag.replace(/^W\//, "");
  return /^"[^"]*"$/.test(tag) ? tag : `"${tag.replace(/"/g, "")}"`;
}

function parseContentRange(header: string | undefined): { start: number; end: number } | null {
  const match = header?.match(/^bytes (\d+)-(\d+)\//);
  return match ? { start: Number(match[1]), end: Number(match[2]) } : null;
}

/** Skips `skip` bytes and yields the next `length`, then closes the source (no wasted download). */
async function* sliceBytes(source: Readable, skip: number, length: number) {
  let toSkip = skip;
  let left = length;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      const dropped = Math.min(toSkip, chunk.length);
      toSkip -= dropped;
      const part = chunk.subarray(dropped, dropped + left);
      left -= part.length;
      if (part.length > 0) yield part;
      if (left <= 0) return;
    }
  } finally {
    source.destroy();
  }
}
