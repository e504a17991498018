import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "@/lib/kie/simulator/server";
import type { TaskView } from "@/lib/kie/simulator/task-timeline";

// The studio uploads a start (and end) image to kie.ai's File Upload API and sends the answer's
// downloadUrl as image_url. Drives the simulator's stand-in over real HTTP: each upload form, its
// refusals, overwrite and expiry, and image-to-video tasks whose video shows the images it got.

const run = promisify(execFile);
const thumbSide = 32;
const thumbBytes = thumbSide * thumbSide * 3;
// Mean absolute difference per RGB channel (0–255) of two 32×32 thumbnails: H.264's loss on the
// same picture stays in single digits; different pictures differ by far more.
const samePicture = 12;
const otherPicture = 40;

type Json = Record<string, unknown>;
interface UploadData {
  fileName: string;
  filePath: string;
  downloadUrl: string;
  fileSize: number;
  mimeType: string;
  uploadedAt: string;
}

let sim: Simulator;
let dir: string;
let files: Server;
let filesUrl: string;
const served = new Map<string, { bytes: Buffer; type: string }>();
let startPng: Buffer;
let endPng: Buffer;
let squareJpg: Buffer;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function makeImage(name: string, source: string): Promise<Buffer> {
  const path = join(dir, name);
  await run("ffmpeg", [
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    source,
    "-frames:v",
    "1",
    "-q:v",
    "3",
    path,
  ]);
  return readFile(path);
}

async function post(
  path: string,
  body: BodyInit,
  opts: { key?: string | null; type?: string } = {},
): Promise<{ status: number; json: Json }> {
  const headers: Record<string, string> = {};
  if (opts.key !== null) headers.authorization = `Bearer ${opts.key ?? "upload-key"}`;
  if (opts.type) headers["content-type"] = opts.type;
  const response = await fetch(`${sim.url}${path}`, { method: "POST", headers, body });
  return { status: response.status, json: (await response.json()) as Json };
}

function streamUpload(
  fields: { file?: Buffer; uploadPath?: string; fileName?: string },
  key?: string | null,
) {
  const form = new FormData();
  if (fields.file) form.append("file", new Blob([new Uint8Array(fields.file)]), "original.bin");
  if (fields.uploadPath !== undefined) form.append("uploadPath", fields.uploadPath);
  if (fields.fileName !== undefined) form.append("fileName", fields.fileName);
  return post("/api/file-stream-upload", form, { key });
}

function jsonUpload(
  path: "/api/file-base64-upload" | "/api/file-url-upload",
  body: Json,
  key?: string | null,
) {
  return post(path, JSON.stringify(body), { key, type: "application/json" });
}

function uploaded(answer: { status: number; json: Json }): UploadData {
  if (answer.status !== 200) throw new Error(`upload refused: ${JSON.stringify(answer.json)}`);
  return answer.json.data as UploadData;
}

async function download(
  url: string,
): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

async function createTask(model: string, input: Json): Promise<string> {
  const response = await post(
    "/api/v1/jobs/createTask",
    JSON.stringify({ model, input: { prompt: "a lighthouse at dusk [Push in]", ...input } }),
    { type: "application/json" },
  );
  const data = response.json.data as { taskId?: string } | null;
  if (typeof data?.taskId !== "string")
    throw new Error(`no task: ${JSON.stringify(response.json)}`);
  return data.taskId;
}

async function waitForEnd(taskId: string): Promise<TaskView> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await fetch(`${sim.url}/api/v1/jobs/recordInfo?taskId=${taskId}`, {
      headers: { authorization: "Bearer poll-key" },
    });
    const json = (await response.json()) as { code: number; data: TaskView | null };
    const state = json.data?.state;
    if (json.data && (state === "success" || state === "fail")) return json.data;
    if (Date.now() > deadline) throw new Error(`task ${taskId} did not end`);
    await sleep(100);
  }
}

async function resultFile(view: TaskView): Promise<string> {
  const url = (JSON.parse(view.resultJson) as { resultUrls: string[] }).resultUrls[0] ?? "";
  const { status, bytes } = await download(url);
  expect(status).toBe(200);
  const path = join(dir, `${view.taskId}.mp4`);
  await writeFile(path, bytes);
  return path;
}

async function probe(path: string) {
  const { stdout } = await run("ffprobe", [
    ...["-v", "error", "-select_streams", "v:0", "-count_frames"],
    ...["-show_entries", "stream=codec_name,pix_fmt,width,height,r_frame_rate,nb_read_frames"],
    ...["-show_entries", "format=duration", "-of", "json", path],
  ]);
  const parsed = JSON.parse(stdout) as {
    streams: {
      codec_name: string;
      pix_fmt: string;
      width: number;
      height: number;
      r_frame_rate: string;
      nb_read_frames: string;
    }[];
    format: { duration: string };
  };
  const stream = parsed.streams[0];
  return {
    ...stream,
    frames: Number(stream?.nb_read_frames),
    duration: Number(parsed.format.duration),
  };
}

/**
 * A picture as 32×32 RGB, decoded by ffmpeg from a file (an image, or a video's frame). Converted
 * to RGB at full size first: shrinking 4:2:0 video before converting smears its colour.
 */
async function thumbnail(args: string[]): Promise<Buffer> {
  const { stdout } = await run(
    "ffmpeg",
    [
      ...["-v", "error", ...args],
      ...["-vf", `format=rgb24,scale=${thumbSide}:${thumbSide}:flags=area`],
      ...["-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
    ],
    { encoding: "buffer", maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

async function imageThumb(bytes: Buffer): Promise<Buffer> {
  const path = join(dir, `thumb-${randomUUID()}`);
  await writeFile(path, bytes);
  return thumbnail(["-i", path]);
}

const firstFrame = (video: string) => thumbnail(["-i", video, "-frames:v", "1"]);
// Every frame of the last half second; the last one is the video's last frame.
const lastFrame = async (video: string) =>
  (await thumbnail(["-sseof", "-0.5", "-i", video])).subarray(-thumbBytes);

function difference(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(thumbBytes);
  expect(b.length).toBe(thumbBytes);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kie-sim-uploads-"));
  [startPng, endPng, squareJpg] = await Promise.all([
    makeImage("start.png", "testsrc2=s=720x1280"),
    makeImage("end.png", "smptebars=s=720x1280"),
    makeImage("square.jpg", "mandelbrot=s=1024x1024"),
  ]);
  served.set("/images/portrait.png", { bytes: startPng, type: "image/png" });
  served.set("/notes.txt", { bytes: Buffer.from("not an image"), type: "text/plain" });
  files = createServer((req, res) => {
    const file = served.get(new URL(req.url ?? "/", "http://files").pathname);
    if (!file) return void res.writeHead(404).end("missing");
    res.writeHead(200, { "content-type": file.type, "content-length": file.bytes.length });
    res.end(file.bytes);
  });
  await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  sim = await startSimulator({ dataDir: join(dir, "sim"), stepMs: 100, log: () => {} });
});

afterAll(async () => {
  await sim?.close();
  await new Promise<void>((resolve) => files?.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe("the simulator's File Upload API", () => {
  it("stores a multipart stream upload and serves the same bytes from its downloadUrl", async () => {
    const answer = await streamUpload({
      file: startPng,
      uploadPath: "/images/user-uploads/",
      fileName: "start.png",
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      success: true,
      code: 200,
      msg: "File uploaded successfully",
    });
    const data = uploaded(answer);
    expect(data).toMatchObject({
      fileName: "start.png",
      filePath: "images/user-uploads/start.png",
      fileSize: startPng.length,
      mimeType: "image/png",
    });
    expect(Math.abs(Date.parse(data.uploadedAt) - Date.now())).toBeLessThan(60_000);
    expect(data.downloadUrl).toMatch(
      new RegExp(`^${sim.url}/tempfile/images/user-uploads/start\\.png\\?expires=\\d+&sig=`),
    );

    const file = await download(data.downloadUrl);
    expect(file.status).toBe(200);
    expect(file.type).toBe("image/png");
    expect(file.bytes.equals(startPng)).toBe(true);
    const head = await fetch(data.downloadUrl, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(startPng.length));
    expect(head.headers.get("content-type")).toBe("image/png");
  });

  it("decodes base64 uploads, plain or as a data URL, and names an unnamed file by its type", async () => {
    const plain = uploaded(
      await jsonUpload("/api/file-base64-upload", {
        base64Data: squareJpg.toString("base64"),
        uploadPath: "images/base64",
        fileName: "square.jpg",
      }),
    );
    expect(plain).toMatchObject({ filePath: "images/base64/square.jpg", mimeType: "image/jpeg" });
    expect((await download(plain.downloadUrl)).bytes.equals(squareJpg)).toBe(true);

    const dataUrl = uploaded(
      await jsonUpload("/api/file-base64-upload", {
        base64Data: `data:image/png;base64,${endPng.toString("base64")}`,
        uploadPath: "images/base64",
      }),
    );
    expect(dataUrl.fileName).toMatch(/^[\w-]+\.png$/);
    expect(dataUrl).toMatchObject({ fileSize: endPng.length, mimeType: "image/png" });
    expect((await download(dataUrl.downloadUrl)).bytes.equals(endPng)).toBe(true);
  });

  it("downloads a URL upload itself, naming it after the URL unless told otherwise", async () => {
    const named = uploaded(
      await jsonUpload("/api/file-url-upload", {
        fileUrl: `${filesUrl}/images/portrait.png`,
        uploadPath: "images/from-url",
      }),
    );
    expect(named).toMatchObject({
      fileName: "portrait.png",
      filePath: "images/from-url/portrait.png",
      fileSize: startPng.length,
      mimeType: "image/png",
    });
    expect((await download(named.downloadUrl)).bytes.equals(startPng)).toBe(true);
    const renamed = uploaded(
      await jsonUpload("/api/file-url-upload", {
        fileUrl: `${filesUrl}/images/portrait.png`,
        uploadPath: "images/from-url",
        fileName: "renamed.png",
      }),
    );
    expect(renamed.filePath).toBe("images/from-url/renamed.png");

    const uploads = sim.uploads();
    expect(uploads.map((u) => u.form)).toEqual(["stream", "base64", "base64", "url", "url"]);
    const listed = (await (await fetch(`${sim.url}/__sim/uploads`)).json()) as { data: Json[] };
    expect(listed.data.at(-1)).toMatchObject({
      uploadPath: "images/from-url",
      fileName: "renamed.png",
      fileSize: startPng.length,
      mimeType: "image/png",
      form: "url",
      expired: false,
      replaced: false,
    });
    expect(sim.stats()).toMatchObject({ uploads: 5, uploadErrors: 0 });
  });

  it("refuses a missing file, uploadPath or URL, bad base64 and a failing download with 400", async () => {
    const refusals = [
      await streamUpload({ uploadPath: "images" }),
      await streamUpload({ file: startPng }),
      await post("/api/file-stream-upload", "file=x", {
        type: "application/x-www-form-urlencoded",
      }),
      await jsonUpload("/api/file-base64-upload", { uploadPath: "images" }),
      await jsonUpload("/api/file-base64-upload", { base64Data: "iVBORw0KGgo=" }),
      await jsonUpload("/api/file-base64-upload", {
        base64Data: "not base64!",
        uploadPath: "images",
      }),
      await jsonUpload("/api/file-base64-upload", {
        base64Data: "aGk=",
        uploadPath: "images/../up",
      }),
      await jsonUpload("/api/file-url-upload", { uploadPath: "images" }),
      await jsonUpload("/api/file-url-upload", {
        fileUrl: "ftp://example.com/a.png",
        uploadPath: "images",
      }),
      await jsonUpload("/api/file-url-upload", {
        fileUrl: `${filesUrl}/gone.png`,
        uploadPath: "images",
      }),
      await post("/api/file-base64-upload", "{not json", { type: "application/json" }),
    ];
    for (const refusal of refusals) {
      expect(refusal.status).toBe(400);
      expect(refusal.json).toMatchObject({ success: false, code: 400, msg: expect.any(String) });
    }
    expect(refusals.map((r) => r.json.msg)).toEqual(
      expect.arrayContaining([
        "file is required",
        "uploadPath is required",
        "base64Data is required",
        "base64Data is not valid base64",
        "fileUrl is required",
        "Failed to download file from fileUrl: HTTP 404",
      ]),
    );
  });

  it("answers 401 without a key on every upload endpoint", async () => {
    const answers = [
      await streamUpload({ file: startPng, uploadPath: "images" }, null),
      await jsonUpload(
        "/api/file-base64-upload",
        { base64Data: "aGk=", uploadPath: "images" },
        null,
      ),
      await jsonUpload(
        "/api/file-url-upload",
        { fileUrl: `${filesUrl}/images/portrait.png`, uploadPath: "images" },
        null,
      ),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ success: false, code: 401 });
    }
  });

  it("answers a configured server error once, then uploads again", async () => {
    sim.configure({ uploadFailures: { status: 500, count: 1 } });
    const failed = await streamUpload({ file: startPng, uploadPath: "images/retry" });
    expect(failed.status).toBe(500);
    expect(failed.json).toMatchObject({ success: false, code: 500 });
    expect((await streamUpload({ file: startPng, uploadPath: "images/retry" })).status).toBe(200);
  });

  it("overwrites an upload of the same uploadPath and fileName", async () => {
    const first = uploaded(
      await streamUpload({ file: startPng, uploadPath: "images/same", fileName: "a.png" }),
    );
    const second = uploaded(
      await streamUpload({ file: endPng, uploadPath: "images/same", fileName: "a.png" }),
    );
    expect(second.filePath).toBe(first.filePath);
    expect((await download(first.downloadUrl)).bytes.equals(endPng)).toBe(true);
    expect((await download(second.downloadUrl)).bytes.equals(endPng)).toBe(true);
    const both = sim.uploads().filter((u) => u.filePath === "images/same/a.png");
    expect(both).toHaveLength(2);
    const listed = (await (await fetch(`${sim.url}/__sim/uploads`)).json()) as { data: Json[] };
    const flags = listed.data
      .filter((u) => u.filePath === "images/same/a.png")
      .map((u) => u.replaced);
    expect(flags).toEqual([true, false]);
  });

  it("lets uploads expire: after uploadTtlMs, or all at once with expireUploads; forged links are 404", async () => {
    const live = uploaded(await streamUpload({ file: startPng, uploadPath: "images/expiry" }));
    expect((await download(live.downloadUrl)).status).toBe(200);
    const forged = live.downloadUrl.replace(/sig=[^&]+/, "sig=AAAA");
    expect((await download(forged)).status).toBe(404);
    const longer = live.downloadUrl.replace(/expires=\d+/, `expires=${Date.now() + 10 ** 10}`);
    expect((await download(longer)).status).toBe(404);

    const control = await fetch(`${sim.url}/__sim/config`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ expireUploads: true }),
    });
    expect(control.status).toBe(200);
    expect((await download(live.downloadUrl)).status).toBe(404);
    const listed = (await (await fetch(`${sim.url}/__sim/uploads`)).json()) as { data: Json[] };
    expect(listed.data.every((u) => u.expired === true)).toBe(true);

    const again = uploaded(await streamUpload({ file: startPng, uploadPath: "images/expiry" }));
    expect((await download(again.downloadUrl)).status).toBe(200);

    sim.configure({ uploadTtlMs: 50 });
    const brief = uploaded(await streamUpload({ file: startPng, uploadPath: "images/expiry" }));
    sim.configure({ uploadTtlMs: 3 * 24 * 60 * 60 * 1000 });
    await sleep(100);
    expect((await download(brief.downloadUrl)).status).toBe(404);
  });

  it("keeps uploads across a restart on the same dataDir", async () => {
    const dataDir = join(dir, "restart");
    const first = await startSimulator({ dataDir, log: () => {} });
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(squareJpg)]));
    form.append("uploadPath", "images/kept");
    const response = await fetch(`${first.url}/api/file-stream-upload`, {
      method: "POST",
      headers: { authorization: "Bearer k" },
      body: form,
    });
    const link = new URL(((await response.json()) as { data: UploadData }).data.downloadUrl);
    await first.close();
    const second = await startSimulator({ dataDir, log: () => {} });
    try {
      const again = await download(`${second.url}${link.pathname}${link.search}`);
      expect(again.status).toBe(200);
      expect(again.bytes.equals(squareJpg)).toBe(true);
      expect(second.uploads()).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

describe("image-to-video tasks in the simulator", () => {
  it("opens a portrait video with the start image and closes it with the end image", async () => {
    const start = uploaded(
      await streamUpload({ file: startPng, uploadPath: "images/i2v", fileName: "start.png" }),
    );
    const end = uploaded(
      await jsonUpload("/api/file-base64-upload", {
        base64Data: endPng.toString("base64"),
        uploadPath: "images/i2v",
        fileName: "end.png",
      }),
    );
    const taskId = await createTask("hailuo/02-image-to-video-standard", {
      image_url: start.downloadUrl,
      end_image_url: end.downloadUrl,
      duration: "6",
      resolution: "768P",
    });
    const view = await waitForEnd(taskId);
    expect(view.state).toBe("success");
    const video = await resultFile(view);
    expect(await probe(video)).toMatchObject({
      codec_name: "h264",
      pix_fmt: "yuv420p",
      width: 768,
      height: 1366,
      r_frame_rate: "25/1",
      frames: 150,
    });

    const [startThumb, endThumb, first, last] = await Promise.all([
      imageThumb(startPng),
      imageThumb(endPng),
      firstFrame(video),
      lastFrame(video),
    ]);
    expect(difference(startThumb, endThumb)).toBeGreaterThan(otherPicture);
    expect(difference(first, startThumb)).toBeLessThan(samePicture);
    expect(difference(last, endThumb)).toBeLessThan(samePicture);
    expect(difference(first, endThumb)).toBeGreaterThan(otherPicture);
    const middle = await thumbnail(["-ss", "3", "-i", video, "-frames:v", "1"]);
    expect(difference(middle, startThumb)).toBeGreaterThan(otherPicture);
    expect(sim.stats().taskImagesFetched).toBeGreaterThanOrEqual(2);
  });

  it("makes a square video from a square image fetched over HTTP", async () => {
    served.set("/images/square.jpg", { bytes: squareJpg, type: "image/jpeg" });
    const taskId = await createTask("hailuo/2-3-image-to-video-pro", {
      image_url: `${filesUrl}/images/square.jpg`,
      resolution: "1080P",
    });
    const view = await waitForEnd(taskId);
    expect(view.state).toBe("success");
    const video = await resultFile(view);
    expect(await probe(video)).toMatchObject({ width: 1080, height: 1080, frames: 150 });
    const first = await firstFrame(video);
    expect(difference(first, await imageThumb(squareJpg))).toBeLessThan(samePicture);
  });

  it("fails, charging nothing, when image_url cannot be fetched or is no image", async () => {
    const expiredLink = uploaded(await streamUpload({ file: startPng, uploadPath: "images/gone" }));
    sim.configure({ expireUploads: true });
    const credits = sim.stats().credits;
    const model = "hailuo/2-3-image-to-video-standard";
    const [missing, expired, notImage] = await Promise.all([
      createTask(model, { image_url: `${filesUrl}/images/missing.png` }).then(waitForEnd),
      createTask(model, { image_url: expiredLink.downloadUrl }).then(waitForEnd),
      createTask(model, { image_url: `${filesUrl}/notes.txt` }).then(waitForEnd),
    ]);
    for (const view of [missing, expired, notImage]) {
      expect(view).toMatchObject({ state: "fail", failCode: "400", resultJson: "" });
    }
    expect(missing.failMsg).toBe("image_url could not be downloaded");
    expect(expired.failMsg).toBe("image_url could not be downloaded");
    expect(notImage.failMsg).toBe("image_url is not a JPEG, PNG or WEBP image");
    expect(sim.stats().credits).toBe(credits);
    expect(sim.stats().taskImageFailures).toBeGreaterThanOrEqual(3);
  });
});
