import type { Readable } from "node:stream";

export interface StoredObject {
  size: number;
  contentType: string;
  /**
   * A strong entity tag, quoted, that changes whenever the object does (a stored object is only
   * ever replaced whole): what a browser's If-Range and If-None-Match are checked against.
   */
  etag: string;
  lastModified: Date;
}

/**
 * Where the studio keeps videos and posters. Local disk by default; an object store fills the
 * same contract. Keys are relative paths such as `<workspaceId>/<generationId>/video.mp4`.
 */
export interface MediaStorage {
  /** Moves a finished local file into storage; `signal` stops an upload under way. */
  putFile(
    key: string,
    filePath: string,
    contentType: string,
    opts?: { signal?: AbortSignal },
  ): Promise<void>;
  putBuffer(key: string, data: Buffer, contentType: string): Promise<void>;
  stat(key: string): Promise<StoredObject | null>;
  /** Streams the object, or the inclusive byte range [start, end] of it. */
  read(key: string, range?: { start: number; end: number }): Promise<Readable>;
  /**
   * The inclusive byte range [start, end] in memory, for stores that do that more cheaply than
   * streaming (a local file: one read into one buffer). Fewer bytes when the object is shorter.
   */
  readBytes?(key: string, range: { start: number; end: number }): Promise<Uint8Array<ArrayBuffer>>;
  delete(key: string): Promise<void>;
  /**
   * A URL the browser fetches the object from directly, signed as of `signedAt` and good for
   * `expiresInS` seconds, for stores that serve their own bytes (S3). The same arguments give
   * the same URL.
   */
  presignedGet?(key: string, opts: { signedAt: Date; expiresInS: number }): Promise<string>;
}
