import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { BlobStore } from "./blob-store";
import { createWriteQueue } from "./write-queue";

// Files uploaded through the File Upload API: one small JSON record per upload in
// dataDir/uploads (the bytes in the blob store), so a restarted simulator still serves them.
// Every upload is kept for the record; the newest one under a filePath is the file served,
// as a second upload under the same name overwrites the first on kie.ai.

export const uploadForms = ["stream", "base64", "url"] as const;
export type UploadForm = (typeof uploadForms)[number];

export interface UploadRecord {
  /** Order of arrival, across restarts. */
  seq: number;
  uploadPath: string;
  fileName: string;
  /** `uploadPath/fileName`: the file's name in the store. */
  filePath: string;
  sha256: string;
  fileSize: number;
  mimeType: string;
  form: UploadForm;
  uploadedAt: number;
  expiresAt: number;
}

export interface UploadStore {
  add(upload: Omit<UploadRecord, "seq" | "filePath">): UploadRecord;
  /** The file served under this filePath: the newest upload of that name. */
  current(filePath: string): UploadRecord | undefined;
  /** Every upload, oldest first. */
  all(): UploadRecord[];
  /** Ends every upload's life now, as if kie.ai's deletion had come; returns how many. */
  expireAll(now: number): number;
  pathOf(record: UploadRecord): string;
  flush(): Promise<void>;
}

function isRecord(value: unknown): value is UploadRecord {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Partial<UploadRecord>;
  return (
    typeof r.seq === "number" &&
    typeof r.filePath === "string" &&
    typeof r.sha256 === "string" &&
    /^[0-9a-f]{64}$/.test(r.sha256) &&
    typeof r.expiresAt === "number"
  );
}

async function loadRecords(dir: string): Promise<UploadRecord[]> {
  const records: UploadRecord[] = [];
  for (const name of await readdir(dir)) {
    if (!name.endsWith(".json")) continue;
    try {
      const value: unknown = JSON.parse(await readFile(join(dir, name), "utf8"));
      if (isRecord(value)) records.push(value);
    } catch {
      // A record that cannot be read is an upload that is gone, as on kie.ai after deletion.
    }
  }
  return records.sort((a, b) => a.seq - b.seq);
}

export async function openUploadStore(params: {
  dataDir: string;
  blobs: BlobStore;
  onWriteError: (error: unknown) => void;
}): Promise<UploadStore> {
  const dir = join(params.dataDir, "uploads");
  await mkdir(dir, { recursive: true });
  const records = await loadRecords(dir);
  const byPath = new Map(records.map((r) => [r.filePath, r]));
  const writes = createWriteQueue(params.onWriteError);
  let nextSeq = (records.at(-1)?.seq ?? 0) + 1;
  const save = (record: UploadRecord) =>
    writes.write(join(dir, `${String(record.seq).padStart(10, "0")}.json`), () =>
      JSON.stringify(record, null, 2),
    );

  return {
    add(upload) {
      const record = {
        ...upload,
        seq: nextSeq++,
        filePath: `${upload.uploadPath}/${upload.fileName}`,
      };
      records.push(record);
      byPath.set(record.filePath, record);
      save(record);
      return record;
    },
    current: (filePath) => byPath.get(filePath),
    all: () => [...records],
    expireAll(now) {
      let expired = 0;
      for (const record of records) {
        if (record.expiresAt <= now) continue;
        record.expiresAt = now;
        save(record);
        expired++;
      }
      return expired;
    },
    pathOf: (record) => params.blobs.pathOf(record.sha256),
    flush: writes.flush,
  };
}
