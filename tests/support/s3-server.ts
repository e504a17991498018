import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import type { S3StorageOptions } from "@/lib/storage/s3-storage";

// s3rver ships no type declarations; this is the part of its API the tests use.
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
}) => { run(): Promise<AddressInfo>; close(): Promise<void> };

export interface S3Server {
  /** Options that point an `S3Storage` at this server's bucket. */
  options: S3StorageOptions;
  close(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver) on a free port over a temporary folder, with one bucket
 * created through the SDK as an operator would.
 */
export async function startS3Server(bucket = "studio-media"): Promise<S3Server> {
  const dir = mkdtempSync(join(tmpdir(), "studio-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: dir });
  const { port } = await server.run();
  // s3rver's built-in account. It refuses unknown access key ids but does not verify SigV4.
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const options: S3StorageOptions = {
    bucket,
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials,
  };
  const admin = new S3Client({ ...options, requestChecksumCalculation: "WHEN_REQUIRED" });
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  admin.destroy();
  return {
    options,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
