import { execFile } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { crc32 } from "node:zlib";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getImage } from "@/app/api/w/[slug]/images/[id]/route";
import { POST as postImage } from "@/app/api/w/[slug]/images/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { type AppError, isAppError } from "@/lib/errors";
import { createTakes } from "@/lib/generations/create-generation";
import { deleteGeneration } from "@/lib/generations/delete-generation";
import { retryGeneration } from "@/lib/generations/retry-generation";
import { IMAGE_MAX_BYTES } from "@/lib/images/image-rules";
import { removeUnusedImages } from "@/lib/images/remove-unused-images";
import type { SourceImageDto } from "@/lib/images/source-image-dto";
import { storeSourceImage } from "@/lib/images/store-source-image";
import type { Duration, ModelId, Resolution } from "@/lib/kie/models";
import { setKieKeys } from "@/lib/kie-account/set-kie-keys";
import { signInAs, signOut } from "@/tests/support/session";
import {
  generationRow,
  newWorkspace,
  studio,
  submissionSettled,
  waitFor,
  waitForState,
} from "@/tests/support/studio";

// Start and end images: checked against kie.ai's rules and kept in the workspace's media, given to
// kie.ai through its File Upload API once per trust window, sent as image_url / end_image_url, and
// removed with the last video that uses them. Real database, real media directory, the simulator
// over real HTTP; only the session cookie's claims are stood in for, to call the image routes.

vi.mock("@/lib/auth/session-claims", () => ({
  sessionClaims: async () => (await import("@/tests/support/session")).currentSession(),
}));

const run = promisify(execFile);

const I2V_02_PRO: ModelId = "hailuo/02-image-to-video-pro";
const I2V_02_STANDARD: ModelId = "hailuo/02-image-to-video-standard";
const I2V_23_PRO: ModelId = "hailuo/2-3-image-to-video-pro";
const I2V_23_STANDARD: ModelId = "hailuo/2-3-image-to-video-standard";
const T2V_PRO: ModelId = "hailuo/02-text-to-video-pro";

type Ctx = Awaited<ReturnType<typeof newWorkspace>>;
type Json = Record<string, unknown>;

interface SimUpload {
  uploadPath: string;
  fileName: string;
  filePath: string;
  fileSize: number;
  mimeType: string;
  sha256: string;
  form: string;
  expired: boolean;
  replaced: boolean;
}

interface SimTask {
  taskId: string;
  prompt: string;
  param: string;
}

interface SimStats {
  uploadCalls: number;
  uploads: number;
  uploadErrors: number;
}

let dir: string;
/** Test pictures, made by ffmpeg at realistic sizes. */
const img = {} as Record<
  | "portraitPng"
  | "endPng"
  | "landscapeJpg"
  | "squareWebp"
  | "fourFivePng"
  | "gif"
  | "px300"
  | "px301"
  | "tallEdge"
  | "tallPast"
  | "wideEdge"
  | "widePast"
  | "wideJpg",
  Buffer
>;

async function makeImage(name: string, source: string, codec: string[] = []): Promise<Buffer> {
  const path = join(dir, name);
  await run("ffmpeg", [
    ...["-v", "error", "-y", "-f", "lavfi", "-i", source],
    ...["-frames:v", "1", ...codec, path],
  ]);
  return readFile(path);
}

/** A JPEG with an EXIF APP1 segment (little-endian TIFF, one IFD entry: Orientation). */
function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write("II", 0, "latin1");
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8); // one entry
  tiff.writeUInt16LE(0x0112, 10); // Orientation
  tiff.writeUInt16LE(3, 12); // SHORT
  tiff.writeUInt32LE(1, 14); // one value
  tiff.writeUInt16LE(orientation, 18);
  tiff.writeUInt32LE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const marker = Buffer.from([0xff, 0xe1, 0, 0]);
  marker.writeUInt16BE(payload.length + 2, 2);
  expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}

/**
 * A valid PNG grown to exactly `total` bytes by a tEXt chunk after IHDR (a picture with a lot
 * of metadata): still the same picture to any decoder.
 */
function pngOfSize(png: Buffer, total: number): Buffer {
  const ihdrEnd = 8 + 4 + 4 + 13 + 4;
  expect(png.toString("latin1", 12, 16)).toBe("IHDR");
  const dataLength = total - png.length - 12;
  const typeAndData = Buffer.alloc(4 + dataLength, 0x41);
  typeAndData.write("tEXt", 0, "latin1");
  typeAndData.write("Comment\0", 4, "latin1");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(dataLength);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  const out = Buffer.concat([
    png.subarray(0, ihdrEnd),
    length,
    typeAndData,
    crc,
    png.subarray(ihdrEnd),
  ]);
  expect(out.length).toBe(total);
  return out;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function store(ctx: Ctx, bytes: Uint8Array): Promise<SourceImageDto> {
  return storeSourceImage({ workspace: ctx.workspace, uploaderId: ctx.userId, bytes });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isAppError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

function imageRow(id: string) {
  return db.sourceImage.findUnique({ where: { id } });
}

const mediaFile = (key: string) => join(env().MEDIA_DIR, key);

function press(
  ctx: Ctx,
  prompt: string,
  choice: {
    model: ModelId;
    duration?: Duration;
    resolution?: Resolution;
    startImageId?: string;
    endImageId?: string;
    takes?: number;
  },
) {
  const { takes = 1, ...rest } = choice;
  return createTakes({
    workspace: ctx.workspace,
    authorId: ctx.userId,
    prompt,
    promptOptimizer: true,
    ...rest,
    idempotencyKey: randomUUID(),
    takes,
  });
}

async function pressOne(ctx: Ctx, prompt: string, choice: Parameters<typeof press>[2]) {
  const [dto] = await press(ctx, prompt, choice);
  if (!dto) throw new Error("no take");
  return dto;
}

async function simGet<T>(path: string): Promise<T> {
  const res = await fetch(`${studio().sim.url}${path}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: T }).data;
}

async function simConfig(patch: Json): Promise<void> {
  const res = await fetch(`${studio().sim.url}/__sim/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
  expect(res.status).toBe(200);
}

function simStats(): Promise<SimStats> {
  return simGet<SimStats>("/__sim/stats");
}

/** The uploads the studio made at the simulator for one workspace (its own uploadPath). */
async function uploadsOf(ctx: Ctx): Promise<SimUpload[]> {
  const all = await simGet<SimUpload[]>("/__sim/uploads");
  return all.filter((u) => u.uploadPath === `hailuo-studio/${ctx.workspace.id}`);
}

async function tasksFor(prompt: string): Promise<SimTask[]> {
  return (await simGet<SimTask[]>("/__sim/tasks")).filter((t) => t.prompt === prompt);
}

/** The createTask body the simulator received for a generation, once it was sent. */
async function sentBody(generationId: string): Promise<{ model: string; input: Json }> {
  await submissionSettled(generationId);
  const row = await generationRow(generationId);
  if (!row.providerTaskId) throw new Error(`${generationId} was not sent (${row.state})`);
  const task = (await simGet<SimTask[]>("/__sim/tasks")).find(
    (t) => t.taskId === row.providerTaskId,
  );
  if (!task) throw new Error(`the simulator has no task ${row.providerTaskId}`);
  return JSON.parse(task.param) as { model: string; input: Json };
}

/**
 * An image_url the studio sent: the simulator's own download link of an upload, in this
 * workspace's folder, named by the stored image's SHA-256, whose bytes are the stored image's.
 */
async function expectKieCopyOf(ctx: Ctx, url: unknown, imageId: string): Promise<void> {
  const row = await db.sourceImage.findUniqueOrThrow({ where: { id: imageId } });
  expect(typeof url).toBe("string");
  expect(url).toBe(row.kieUrl);
  const link = new URL(String(url));
  expect(link.origin).toBe(new URL(studio().sim.url).origin);
  const ext = row.key.slice(row.key.lastIndexOf(".") + 1);
  const filePath = `hailuo-studio/${ctx.workspace.id}/${row.sha256}.${ext}`;
  expect(link.pathname).toBe(`/tempfile/${filePath}`);
  const upload = (await uploadsOf(ctx)).find((u) => u.filePath === filePath && !u.replaced);
  expect(upload?.sha256).toBe(row.sha256);
  expect(upload?.form).toBe("stream");
  expect(upload?.mimeType).toBe(row.contentType);
}

/** A generation kie.ai made and the studio stored: its row, with the stored file checked. */
async function storedVideo(id: string) {
  await waitForState(id, ["success"], 120_000);
  const row = await waitFor(
    async () => {
      const g = await generationRow(id);
      return g.mediaState === "stored" || g.mediaState === "failed" ? g : null;
    },
    { timeoutMs: 120_000, what: `media of ${id}` },
  );
  expect(row.mediaState).toBe("stored");
  expect(row.mediaKey).toBeTruthy();
  expect(existsSync(mediaFile(row.mediaKey ?? "missing"))).toBe(true);
  return row;
}

function request(
  path: string,
  init: { method?: string; body?: Uint8Array; headers?: Record<string, string> } = {},
): NextRequest {
  return new NextRequest(`http://127.0.0.1${path}`, {
    method: init.method ?? "GET",
    headers: init.headers,
    body: init.body && new Uint8Array(init.body),
  });
}

function postBytes(ctx: Ctx, bytes: Uint8Array, headers: Record<string, string> = {}) {
  const slug = ctx.workspace.slug;
  return postImage(request(`/api/w/${slug}/images`, { method: "POST", body: bytes, headers }), {
    params: Promise.resolve({ slug }),
  });
}

function getImageRoute(ctx: Ctx, id: string) {
  const slug = ctx.workspace.slug;
  return getImage(request(`/api/w/${slug}/images/${id}`), {
    params: Promise.resolve({ slug, id }),
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "source-images-"));
  const png = (s: string, src = "testsrc2") => `${src}=s=${s}`;
  const [
    portraitPng,
    endPng,
    landscapeJpg,
    squareWebp,
    fourFivePng,
    gif,
    px300,
    px301,
    tallEdge,
    tallPast,
    wideEdge,
    widePast,
    wideJpg,
  ] = await Promise.all([
    makeImage("portrait.png", png("720x1280")),
    makeImage("end.png", png("720x1280", "smptebars")),
    makeImage("landscape.jpg", png("1280x720"), ["-q:v", "3"]),
    makeImage("square.webp", png("1024x1024", "mandelbrot"), ["-c:v", "libwebp"]),
    makeImage("four-five.png", png("800x1000", "rgbtestsrc")),
    makeImage("portrait.gif", png("720x1280")),
    // rgbtestsrc keeps odd sides (testsrc2 rounds them down to even).
    makeImage("300.png", png("300x300", "rgbtestsrc")),
    makeImage("301.png", png("301x301", "rgbtestsrc")),
    makeImage("tall-edge.png", png("400x1000", "rgbtestsrc")),
    makeImage("tall-past.png", png("400x1001", "rgbtestsrc")),
    makeImage("wide-edge.png", png("1000x400", "rgbtestsrc")),
    makeImage("wide-past.png", png("1001x400", "rgbtestsrc")),
    makeImage("wide.jpg", png("960x400"), ["-q:v", "3"]),
  ]);
  Object.assign(img, {
    portraitPng,
    endPng,
    landscapeJpg,
    squareWebp,
    fourFivePng,
    gif,
    px300,
    px301,
    tallEdge,
    tallPast,
    wideEdge,
    widePast,
    wideJpg,
  });
});

afterAll(async () => {
  signOut();
  await rm(dir, { recursive: true, force: true });
});

describe("storing a start or end image", () => {
  it("keeps a PNG, a JPEG and a WEBP with their figures, once per workspace however often it is given", async () => {
    const ctx = await newWorkspace();
    const cases = [
      { bytes: img.portraitPng, type: "image/png", ext: "png", width: 720, height: 1280 },
      { bytes: img.landscapeJpg, type: "image/jpeg", ext: "jpg", width: 1280, height: 720 },
      { bytes: img.squareWebp, type: "image/webp", ext: "webp", width: 1024, height: 1024 },
    ];
    for (const { bytes, type, ext, width, height } of cases) {
      const dto = await store(ctx, bytes);
      expect(dto).toEqual({
        id: dto.id,
        url: `/api/w/${ctx.workspace.slug}/images/${dto.id}`,
        width,
        height,
        bytes: bytes.length,
        contentType: type,
      });
      const row = await db.sourceImage.findUniqueOrThrow({ where: { id: dto.id } });
      const hash = sha256(bytes);
      expect(row).toMatchObject({
        workspaceId: ctx.workspace.id,
        uploaderId: ctx.userId,
        key: `${ctx.workspace.id}/images/${hash}.${ext}`,
        contentType: type,
        bytes: bytes.length,
        width,
        height,
        sha256: hash,
        kieUrl: null,
        kieUrlUntil: null,
      });
      expect((await readFile(mediaFile(row.key))).equals(bytes)).toBe(true);

      // The same bytes again: the same image, no second row.
      const again = await store(ctx, Buffer.from(bytes));
      expect(again).toEqual(dto);
    }
    expect(await db.sourceImage.count({ where: { workspaceId: ctx.workspace.id } })).toBe(3);

    // Another workspace keeps its own copy: an image belongs to one workspace.
    const other = await newWorkspace();
    const theirs = await store(other, img.portraitPng);
    const ours = await db.sourceImage.findFirstOrThrow({
      where: { workspaceId: ctx.workspace.id, sha256: sha256(img.portraitPng) },
    });
    expect(theirs.id).not.toBe(ours.id);
  });

  it("refuses by the rule broken, naming the image's own figure: type, size, shorter side, shape, unreadable", async () => {
    const ctx = await newWorkspace();
    const twelveMb = pngOfSize(img.portraitPng, 12 * 1024 * 1024);
    const justOver = pngOfSize(img.portraitPng, IMAGE_MAX_BYTES + 1);
    const cases: { what: string; bytes: Uint8Array; rule: string; message: string }[] = [
      {
        what: "a GIF",
        bytes: img.gif,
        rule: "type",
        message: "The image is image/gif; kie.ai takes JPEG, PNG or WEBP",
      },
      {
        what: "a 12 MB PNG",
        bytes: twelveMb,
        rule: "bytes",
        message: "The image is 12,582,912 bytes; kie.ai takes at most 10 MB (10,485,760 bytes)",
      },
      {
        what: "a PNG one byte over 10 MB",
        bytes: justOver,
        rule: "bytes",
        message: "The image is 10,485,761 bytes; kie.ai takes at most 10 MB (10,485,760 bytes)",
      },
      {
        what: "300 × 300",
        bytes: img.px300,
        rule: "short_side",
        message: "The image's shorter side is 300 px; kie.ai needs more than 300 px",
      },
      {
        what: "just taller than 2:5",
        bytes: img.tallPast,
        rule: "ratio",
        message: "The image is 400 × 1001; kie.ai takes shapes from 2:5 to 5:2",
      },
      {
        what: "just wider than 5:2",
        bytes: img.widePast,
        rule: "ratio",
        message: "The image is 1001 × 400; kie.ai takes shapes from 2:5 to 5:2",
      },
      {
        what: "text",
        bytes: Buffer.from("a lighthouse at dusk, not a picture of one\n".repeat(40)),
        rule: "type",
        message: "The image is application/octet-stream; kie.ai takes JPEG, PNG or WEBP",
      },
      {
        what: "a PNG cut off inside its IHDR chunk",
        // A copy of its own: see the test below for a view into a longer buffer.
        bytes: new Uint8Array(img.portraitPng.subarray(0, 18)),
        rule: "unreadable",
        message: "The image's size can't be read; it may be damaged",
      },
      {
        what: "a JPEG signature and nothing else that makes sense",
        bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 0x5a)]),
        rule: "unreadable",
        message: "The image's size can't be read; it may be damaged",
      },
    ];
    for (const { what, bytes, rule, message } of cases) {
      const e = await refusal(store(ctx, bytes)).catch(
        (err: Error) => new Error(`${what}: ${err.message}`),
      );
      if (!isAppError(e)) throw e;
      expect({ what, code: e.code, fields: e.fields, message: e.message }).toEqual({
        what,
        code: "invalid_input",
        fields: { image: rule },
        message,
      });
    }
    // Nothing was kept: no row, no file.
    expect(await db.sourceImage.count({ where: { workspaceId: ctx.workspace.id } })).toBe(0);
    expect(existsSync(join(env().MEDIA_DIR, ctx.workspace.id, "images"))).toBe(false);

    // Each edge from the side kie.ai takes: 301 × 301, exactly 2:5 and 5:2, exactly 10 MB.
    const tenMb = pngOfSize(img.portraitPng, IMAGE_MAX_BYTES);
    const taken = [
      { bytes: img.px301, width: 301, height: 301 },
      { bytes: img.tallEdge, width: 400, height: 1000 },
      { bytes: img.wideEdge, width: 1000, height: 400 },
      { bytes: tenMb, width: 720, height: 1280 },
    ];
    for (const { bytes, width, height } of taken) {
      expect(await store(ctx, bytes)).toMatchObject({ width, height, bytes: bytes.length });
    }
    expect(await db.sourceImage.count({ where: { workspaceId: ctx.workspace.id } })).toBe(4);
  });

  it("counts a JPEG turned a quarter by its EXIF orientation with its sides swapped", async () => {
    const ctx = await newWorkspace();
    const turned = withExifOrientation(img.wideJpg, 6);
    const upright = withExifOrientation(img.wideJpg, 1);
    const mirrored = withExifOrientation(img.wideJpg, 3);
    expect(await store(ctx, turned)).toMatchObject({
      width: 400,
      height: 960,
      contentType: "image/jpeg",
    });
    expect(await store(ctx, upright)).toMatchObject({ width: 960, height: 400 });
    expect(await store(ctx, mirrored)).toMatchObject({ width: 960, height: 400 });
    const rows = await db.sourceImage.findMany({
      where: { workspaceId: ctx.workspace.id },
      select: { sha256: true, width: true, height: true },
    });
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.sha256 === sha256(turned))).toMatchObject({
      width: 400,
      height: 960,
    });
  });

  // image-size reads through a DataView over the whole buffer behind the bytes it is given: a
  // body that is a view into a longer buffer (a small body is a slice of Node's shared pool)
  // must be measured on its own bytes only.
  it("refuses a cut-off image given as a view into a longer buffer", async () => {
    const ctx = await newWorkspace();
    const view = img.portraitPng.subarray(0, 18);
    expect(view.buffer.byteLength).toBeGreaterThan(18);
    const e = await refusal(store(ctx, view));
    expect(e.fields).toEqual({ image: "unreadable" });
  });

  it("POST /api/w/:slug/images: 201 with the figures, 422 naming the rule, 413 over 10 MB; GET serves it to members only", async () => {
    const ctx = await newWorkspace();
    const stranger = await newWorkspace();
    signInAs({ id: ctx.userId });
    try {
      const created = await postBytes(ctx, img.portraitPng, { "content-type": "image/png" });
      expect(created.status).toBe(201);
      const dto = (await created.json()) as SourceImageDto;
      expect(dto).toEqual({
        id: dto.id,
        url: `/api/w/${ctx.workspace.slug}/images/${dto.id}`,
        width: 720,
        height: 1280,
        bytes: img.portraitPng.length,
        contentType: "image/png",
      });
      // What the browser says the type is counts for nothing: the bytes are sniffed.
      const again = await postBytes(ctx, img.portraitPng, { "content-type": "image/gif" });
      expect(again.status).toBe(201);
      expect(((await again.json()) as SourceImageDto).id).toBe(dto.id);

      const served = await getImageRoute(ctx, dto.id);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await served.arrayBuffer()).equals(img.portraitPng)).toBe(true);

      const gif = await postBytes(ctx, img.gif, { "content-type": "image/png" });
      expect(gif.status).toBe(422);
      expect(await gif.json()).toMatchObject({
        error: "invalid_input",
        message: "The image is image/gif; kie.ai takes JPEG, PNG or WEBP",
      });
      const small = await postBytes(ctx, img.px300);
      expect(small.status).toBe(422);
      expect(((await small.json()) as Json).message).toBe(
        "The image's shorter side is 300 px; kie.ai needs more than 300 px",
      );

      // Over 10 MB: refused by its declared length before the body is read, and, undeclared,
      // as soon as the body passes 10 MB.
      const big = pngOfSize(img.portraitPng, 11 * 1024 * 1024);
      const declared = await postBytes(ctx, big, { "content-length": String(big.length) });
      expect(declared.status).toBe(413);
      expect(await declared.json()).toEqual({
        error: "invalid_input",
        message: "The image is 11,534,336 bytes; kie.ai takes at most 10 MB (10,485,760 bytes)",
        fields: { image: "bytes" },
      });
      const undeclared = await postBytes(ctx, big);
      expect(undeclared.status).toBe(413);
      expect(((await undeclared.json()) as Json).fields).toEqual({ image: "bytes" });
      // Exactly 10 MB is taken.
      const tenMb = pngOfSize(img.portraitPng, IMAGE_MAX_BYTES);
      const edge = await postBytes(ctx, tenMb, { "content-length": String(tenMb.length) });
      expect(edge.status).toBe(201);

      const empty = await postBytes(ctx, new Uint8Array());
      expect(empty.status).toBe(400);
      expect(((await empty.json()) as Json).fields).toEqual({ image: "missing" });

      // Two images kept (the portrait and the 10 MB one), nothing of the refused ones.
      expect(await db.sourceImage.count({ where: { workspaceId: ctx.workspace.id } })).toBe(2);

      // Someone of another workspace can neither read it nor add to this workspace.
      signInAs({ id: stranger.userId });
      expect((await getImageRoute(ctx, dto.id)).status).toBe(404);
      expect((await postBytes(ctx, img.endPng)).status).toBe(404);
      // Nor is it found through their own workspace.
      expect((await getImageRoute(stranger, dto.id)).status).toBe(404);
      signOut();
      expect((await getImageRoute(ctx, dto.id)).status).toBe(401);
    } finally {
      signOut();
    }
  });
});

describe("each image model, end to end against the simulator", () => {
  it("Hailuo 02 Pro with a start and an end image: both uploaded, sent as image_url and end_image_url, a 1080P portrait video stored", async () => {
    const ctx = await newWorkspace();
    const start = await store(ctx, img.portraitPng);
    const end = await store(ctx, img.endPng);
    const prompt = `灯塔从黄昏到夜晚 ${randomUUID()}`;
    const dto = await pressOne(ctx, prompt, {
      model: I2V_02_PRO,
      startImageId: start.id,
      endImageId: end.id,
    });
    expect(await generationRow(dto.id)).toMatchObject({
      model: I2V_02_PRO,
      duration: "6",
      resolution: "1080P",
      startImageId: start.id,
      endImageId: end.id,
    });

    const body = await sentBody(dto.id);
    expect(body.model).toBe(I2V_02_PRO);
    expect(Object.keys(body.input).sort()).toEqual([
      "end_image_url",
      "image_url",
      "prompt",
      "prompt_optimizer",
    ]);
    expect(body.input).toMatchObject({ prompt, prompt_optimizer: true });
    await expectKieCopyOf(ctx, body.input.image_url, start.id);
    await expectKieCopyOf(ctx, body.input.end_image_url, end.id);
    expect(body.input.image_url).not.toBe(body.input.end_image_url);
    expect(await uploadsOf(ctx)).toHaveLength(2);

    const row = await storedVideo(dto.id);
    expect(row).toMatchObject({ width: 1080, height: 1920 });
    expect(Math.round((row.durationMs ?? 0) / 1000)).toBe(6);
  });

  it("Hailuo 02 Standard at 512P and 10 s from a JPEG: duration and resolution sent, no end_image_url, a 512P landscape video stored", async () => {
    const ctx = await newWorkspace();
    const start = await store(ctx, img.landscapeJpg);
    const prompt = `海边公路，镜头前推 ${randomUUID()}`;
    const dto = await pressOne(ctx, prompt, {
      model: I2V_02_STANDARD,
      duration: "10",
      resolution: "512P",
      startImageId: start.id,
    });
    const body = await sentBody(dto.id);
    expect(body.model).toBe(I2V_02_STANDARD);
    expect(Object.keys(body.input).sort()).toEqual([
      "duration",
      "image_url",
      "prompt",
      "prompt_optimizer",
      "resolution",
    ]);
    expect(body.input).toMatchObject({
      prompt,
      prompt_optimizer: true,
      duration: "10",
      resolution: "512P",
    });
    await expectKieCopyOf(ctx, body.input.image_url, start.id);
    expect(await uploadsOf(ctx)).toHaveLength(1);

    const row = await storedVideo(dto.id);
    expect(row).toMatchObject({ width: 912, height: 512, endImageId: null });
    expect(Math.round((row.durationMs ?? 0) / 1000)).toBe(10);
  });

  it("Hailuo 2.3 Pro at 1080P and 6 s from a WEBP: no prompt_optimizer, a square 1080P video stored", async () => {
    const ctx = await newWorkspace();
    const start = await store(ctx, img.squareWebp);
    const prompt = `分形花园缓慢旋转 ${randomUUID()}`;
    const dto = await pressOne(ctx, prompt, {
      model: I2V_23_PRO,
      duration: "6",
      resolution: "1080P",
      startImageId: start.id,
    });
    const body = await sentBody(dto.id);
    expect(body.model).toBe(I2V_23_PRO);
    expect(body.input).toEqual({
      prompt,
      image_url: body.input.image_url,
      duration: "6",
      resolution: "1080P",
    });
    await expectKieCopyOf(ctx, body.input.image_url, start.id);

    const row = await storedVideo(dto.id);
    expect(row).toMatchObject({ width: 1080, height: 1080 });
    expect(Math.round((row.durationMs ?? 0) / 1000)).toBe(6);
  });

  it("Hailuo 2.3 Standard at its defaults: 6 s at 768P sent, no prompt_optimizer, a 4:5 video stored", async () => {
    const ctx = await newWorkspace();
    const start = await store(ctx, img.fourFivePng);
    const prompt = `彩色测试卡在雨中 ${randomUUID()}`;
    const dto = await pressOne(ctx, prompt, { model: I2V_23_STANDARD, startImageId: start.id });
    expect(await generationRow(dto.id)).toMatchObject({ duration: "6", resolution: "768P" });
    const body = await sentBody(dto.id);
    expect(body.model).toBe(I2V_23_STANDARD);
    expect(body.input).toEqual({
      prompt,
      image_url: body.input.image_url,
      duration: "6",
      resolution: "768P",
    });
    await expectKieCopyOf(ctx, body.input.image_url, start.id);

    const row = await storedVideo(dto.id);
    expect(row).toMatchObject({ width: 768, height: 960 });
  });
});

describe("one upload per trust window", () => {
  // The takes of one press are submitted at once: one of them uploads, the others wait for it.
  it("a press of 3 takes uploads its start image once, and all three tasks get the same copy", async () => {
    const ctx = await newWorkspace();
    const image = await store(ctx, img.portraitPng);
    const prompt = `三个版本的同一张图 ${randomUUID()}`;
    const takes = await press(ctx, prompt, {
      model: I2V_23_STANDARD,
      startImageId: image.id,
      takes: 3,
    });
    expect(takes).toHaveLength(3);
    const bodies = await Promise.all(takes.map((t) => sentBody(t.id)));
    // Each take is made whatever the count (the copies all serve the same bytes).
    for (const g of takes) await storedVideo(g.id);
    expect(await tasksFor(prompt)).toHaveLength(3);
    // Today: three uploads of the same bytes under the same name, and three different links.
    expect(await uploadsOf(ctx)).toHaveLength(1);
    const row = await db.sourceImage.findUniqueOrThrow({ where: { id: image.id } });
    expect(bodies.map((b) => b.input.image_url)).toEqual([row.kieUrl, row.kieUrl, row.kieUrl]);
    await expectKieCopyOf(ctx, row.kieUrl, image.id);
  });

  it("a second press within the trust window reuses kie.ai's copy for all its takes; once it is no longer trusted it is uploaded again; a copy kie.ai dropped early fails the task", async () => {
    const ctx = await newWorkspace();
    const image = await store(ctx, img.portraitPng);
    const prompt = `同一张图的多次按下 ${randomUUID()}`;
    const firstPress = await pressOne(ctx, prompt, {
      model: I2V_23_STANDARD,
      startImageId: image.id,
    });
    const firstBody = await sentBody(firstPress.id);
    expect(await uploadsOf(ctx)).toHaveLength(1);
    const first = await db.sourceImage.findUniqueOrThrow({ where: { id: image.id } });
    expect(first.kieUrl).toBeTruthy();
    // Trusted for 20 hours from the upload.
    const trustedFor = (first.kieUrlUntil?.getTime() ?? 0) - Date.now();
    expect(trustedFor).toBeGreaterThan(19.9 * 60 * 60 * 1000);
    expect(trustedFor).toBeLessThanOrEqual(20 * 60 * 60 * 1000);
    expect(firstBody.input.image_url).toBe(first.kieUrl);
    await expectKieCopyOf(ctx, first.kieUrl, image.id);

    // A second press of 3 takes within the trust window: the same copy for each, no upload.
    const takes = await press(ctx, `${prompt} 第二次`, {
      model: I2V_23_STANDARD,
      startImageId: image.id,
      takes: 3,
    });
    const bodies = await Promise.all(takes.map((t) => sentBody(t.id)));
    expect(bodies.map((b) => b.input.image_url)).toEqual([
      first.kieUrl,
      first.kieUrl,
      first.kieUrl,
    ]);
    expect(await tasksFor(`${prompt} 第二次`)).toHaveLength(3);
    expect(await uploadsOf(ctx)).toHaveLength(1);

    // As if 20 hours had passed: the copy is no longer trusted, and the next submission uploads.
    await db.sourceImage.update({
      where: { id: image.id },
      data: { kieUrlUntil: new Date(Date.now() - 1000) },
    });
    const third = await pressOne(ctx, `${prompt} 第三次`, {
      model: I2V_23_STANDARD,
      startImageId: image.id,
    });
    const thirdBody = await sentBody(third.id);
    const uploads = await uploadsOf(ctx);
    expect(uploads).toHaveLength(2);
    expect(uploads.map((u) => u.sha256)).toEqual([first.sha256, first.sha256]);
    // Under the same name: the new upload replaces the old one at kie.ai.
    expect(uploads.map((u) => u.replaced)).toEqual([true, false]);
    const renewed = await db.sourceImage.findUniqueOrThrow({ where: { id: image.id } });
    expect(renewed.kieUrl).not.toBe(first.kieUrl);
    expect(renewed.kieUrlUntil?.getTime()).toBeGreaterThan(Date.now() + 19 * 60 * 60 * 1000);
    expect(thirdBody.input.image_url).toBe(renewed.kieUrl);

    // Everything so far was made (its image fetched by kie.ai) and stored.
    for (const g of [firstPress, ...takes, third]) await storedVideo(g.id);

    // kie.ai deletes its copy early while the studio still trusts it: the studio sends the
    // link it has, kie.ai can't fetch it, and the task fails without a charge.
    await simConfig({ expireUploads: true });
    const fourth = await pressOne(ctx, `${prompt} 第四次`, {
      model: I2V_23_STANDARD,
      startImageId: image.id,
    });
    expect((await sentBody(fourth.id)).input.image_url).toBe(renewed.kieUrl);
    expect(await uploadsOf(ctx)).toHaveLength(2);
    const failed = await waitForState(fourth.id, ["fail"], 60_000);
    expect(failed).toMatchObject({
      failCode: "400",
      failMsg: "image_url could not be downloaded",
    });
    // Nothing charged for it.
    expect(failed.credits ?? 0).toBe(0);
  });
});

describe("refused before anything is written, uploaded or spent", () => {
  it("an image model without a start image, another workspace's image, an end image on a 2.3 model, an image on a text model", async () => {
    const ctx = await newWorkspace();
    const other = await newWorkspace();
    const ours = await store(ctx, img.portraitPng);
    const ourEnd = await store(ctx, img.endPng);
    const theirs = await store(other, img.landscapeJpg);
    const tag = randomUUID();
    const cases: {
      prompt: string;
      choice: Parameters<typeof press>[2];
      fields: Record<string, string>;
    }[] = [
      {
        prompt: `没有图片的图生视频 ${tag}`,
        choice: { model: I2V_02_PRO, takes: 2 },
        fields: { imageUrl: "image_required" },
      },
      {
        prompt: `别的工作区的图片 ${tag}`,
        choice: { model: I2V_23_STANDARD, startImageId: theirs.id },
        fields: { image: "not_found" },
      },
      {
        prompt: `别的工作区的结尾图片 ${tag}`,
        choice: { model: I2V_02_STANDARD, startImageId: ours.id, endImageId: theirs.id },
        fields: { image: "not_found" },
      },
      {
        prompt: `不存在的图片 ${tag}`,
        choice: { model: I2V_02_STANDARD, startImageId: `c${randomUUID().replaceAll("-", "")}` },
        fields: { image: "not_found" },
      },
      {
        prompt: `2.3 没有结尾图片 ${tag}`,
        choice: { model: I2V_23_PRO, startImageId: ours.id, endImageId: ourEnd.id, takes: 3 },
        fields: { endImageUrl: "no_end_image" },
      },
      {
        prompt: `文生视频不接受图片 ${tag}`,
        choice: { model: T2V_PRO, startImageId: ours.id },
        fields: { imageUrl: "no_image" },
      },
    ];
    const before = await simStats();
    for (const { prompt, choice, fields } of cases) {
      const e = await refusal(press(ctx, prompt, choice));
      expect({ prompt, code: e.code, fields: e.fields }).toEqual({
        prompt,
        code: "invalid_input",
        fields,
      });
    }
    expect(await db.generation.count({ where: { workspaceId: ctx.workspace.id } })).toBe(0);
    expect(await db.generation.count({ where: { workspaceId: other.workspace.id } })).toBe(0);
    expect(await uploadsOf(ctx)).toEqual([]);
    expect(await uploadsOf(other)).toEqual([]);
    expect((await simStats()).uploadCalls).toBe(before.uploadCalls);
    for (const { prompt } of cases) expect(await tasksFor(prompt)).toEqual([]);
    const images = await db.sourceImage.findMany({
      where: { id: { in: [ours.id, ourEnd.id, theirs.id] } },
      select: { kieUrl: true },
    });
    expect(images).toEqual([{ kieUrl: null }, { kieUrl: null }, { kieUrl: null }]);
  });
});

describe("when kie.ai's File Upload API refuses", () => {
  it("a server error once: the client asks again at once, and the video is made with one task", async () => {
    const ctx = await newWorkspace();
    const image = await store(ctx, img.portraitPng);
    const prompt = `上传失败一次 ${randomUUID()}`;
    const before = await simStats();
    await simConfig({ uploadFailures: { status: 500, count: 1 } });
    try {
      const dto = await pressOne(ctx, prompt, { model: I2V_23_STANDARD, startImageId: image.id });
      const body = await sentBody(dto.id);
      await expectKieCopyOf(ctx, body.input.image_url, image.id);
      const after = await simStats();
      expect(after.uploadCalls - before.uploadCalls).toBe(2);
      expect(after.uploadErrors - before.uploadErrors).toBe(1);
      expect(await uploadsOf(ctx)).toHaveLength(1);
      expect(await tasksFor(prompt)).toHaveLength(1);
      await storedVideo(dto.id);
    } finally {
      await simConfig({ uploadFailures: null });
    }
  });

  it("server errors past the client's own retries: the submission waits its turn with the reason, then is made with one task", async () => {
    const ctx = await newWorkspace();
    const image = await store(ctx, img.portraitPng);
    const prompt = `上传一直失败然后恢复 ${randomUUID()}`;
    const before = await simStats();
    // The client sends an upload three times (its own two retries); all three fail.
    await simConfig({ uploadFailures: { status: 500, count: 3 } });
    try {
      const dto = await pressOne(ctx, prompt, { model: I2V_23_STANDARD, startImageId: image.id });
      await submissionSettled(dto.id);
      const queued = await generationRow(dto.id);
      expect(queued).toMatchObject({
        state: "submitting",
        submitStatus: "queued",
        submitAttempts: 1,
        providerTaskId: null,
      });
      expect(queued.failCode).toBe("500");
      expect(queued.failMsg).toMatch(/^kie\.ai had a server error/);
      expect(await tasksFor(prompt)).toEqual([]);
      expect((await simStats()).uploadErrors - before.uploadErrors).toBe(3);

      // The job comes back after its backoff; the upload then goes through.
      const sent = await waitForState(
        dto.id,
        ["waiting", "queuing", "generating", "success"],
        60_000,
      );
      expect(sent.providerTaskId).toBeTruthy();
      const body = await sentBody(dto.id);
      await expectKieCopyOf(ctx, body.input.image_url, image.id);
      expect(await tasksFor(prompt)).toHaveLength(1);
      expect(await uploadsOf(ctx)).toHaveLength(1);
      const row = await storedVideo(dto.id);
      expect(row).toMatchObject({ submitAttempts: 2, failCode: null, failMsg: null });
    } finally {
      await simConfig({ uploadFailures: null });
    }
  });

  it("a refused key: the generation ends in error with kie.ai's reason, and nothing is created", async () => {
    const ctx = await newWorkspace();
    const actor = await db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: { id: true, email: true },
    });
    // This workspace's own key, which the simulator (kie.ai) does not know; the server's key
    // stays accepted for everyone else.
    await setKieKeys({
      workspaceId: ctx.workspace.id,
      actor,
      apiKey: `kie-unknown-${randomUUID()}`,
    });
    const image = await store(ctx, img.portraitPng);
    const prompt = `被拒绝的密钥上传 ${randomUUID()}`;
    await simConfig({ apiKeys: [env().KIE_API_KEY] });
    try {
      const dto = await pressOne(ctx, prompt, { model: I2V_23_STANDARD, startImageId: image.id });
      const row = await waitForState(dto.id, ["error"], 60_000);
      expect(row).toMatchObject({
        failCode: "401",
        failMsg: "The workspace's kie.ai API key was rejected",
        submitStatus: null,
        providerTaskId: null,
      });
    } finally {
      await simConfig({ apiKeys: null });
    }
    expect(await tasksFor(prompt)).toEqual([]);
    expect(await uploadsOf(ctx)).toEqual([]);
    expect((await imageRow(image.id))?.kieUrl).toBeNull();
  });
});

describe("deleting videos removes the images no video uses any more", () => {
  it("the only video that uses an image: its row and its stored file go with the video", async () => {
    const ctx = await newWorkspace();
    const image = await store(ctx, img.fourFivePng);
    const row = await db.sourceImage.findUniqueOrThrow({ where: { id: image.id } });
    const file = mediaFile(row.key);
    expect(existsSync(file)).toBe(true);
    const dto = await pressOne(ctx, `唯一使用这张图 ${randomUUID()}`, {
      model: I2V_23_STANDARD,
      startImageId: image.id,
    });
    const video = await storedVideo(dto.id);
    const actor = await db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: { id: true, email: true },
    });
    await deleteGeneration({
      workspaceId: ctx.workspace.id,
      actor,
      role: "owner",
      generationId: dto.id,
    });
    expect(await imageRow(image.id)).toBeNull();
    expect(existsSync(file)).toBe(false);
    expect(existsSync(mediaFile(video.mediaKey ?? "missing"))).toBe(false);
    // The deleted row stays (for the month's budget) without its image.
    expect(await generationRow(dto.id)).toMatchObject({ startImageId: null });
  });

  it("an image two videos use stays until the second is deleted; an end image goes with its only video", async () => {
    const ctx = await newWorkspace();
    const actor = await db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: { id: true, email: true },
    });
    const shared = await store(ctx, img.portraitPng);
    const end = await store(ctx, img.endPng);
    const files = Object.fromEntries(
      await Promise.all(
        [shared, end].map(async (i) => [
          i.id,
          mediaFile((await db.sourceImage.findUniqueOrThrow({ where: { id: i.id } })).key),
        ]),
      ),
    ) as Record<string, string>;
    const tag = randomUUID();
    const a = await pressOne(ctx, `第一次按下 ${tag}`, {
      model: I2V_02_STANDARD,
      duration: "6",
      resolution: "512P",
      startImageId: shared.id,
      endImageId: end.id,
    });
    const b = await pressOne(ctx, `第二次按下 ${tag}`, {
      model: I2V_02_STANDARD,
      duration: "6",
      resolution: "512P",
      startImageId: shared.id,
    });
    await storedVideo(a.id);
    await storedVideo(b.id);

    await deleteGeneration({
      workspaceId: ctx.workspace.id,
      actor,
      role: "owner",
      generationId: a.id,
    });
    expect(await imageRow(shared.id)).not.toBeNull();
    expect(existsSync(files[shared.id] ?? "")).toBe(true);
    expect(await imageRow(end.id)).toBeNull();
    expect(existsSync(files[end.id] ?? "")).toBe(false);

    await deleteGeneration({
      workspaceId: ctx.workspace.id,
      actor,
      role: "owner",
      generationId: b.id,
    });
    expect(await imageRow(shared.id)).toBeNull();
    expect(existsSync(files[shared.id] ?? "")).toBe(false);
    expect(await db.sourceImage.count({ where: { workspaceId: ctx.workspace.id } })).toBe(0);
  });

  it("removeUnusedImages() with no ids: an image stored over a day ago and never used goes; a fresh one and a used one stay", async () => {
    const ctx = await newWorkspace();
    const stale = await store(ctx, img.px301);
    const fresh = await store(ctx, img.tallEdge);
    const usedOld = await store(ctx, img.wideEdge);
    const dayAndAMinute = new Date(Date.now() - (24 * 60 + 1) * 60 * 1000);
    await db.sourceImage.updateMany({
      where: { id: { in: [stale.id, usedOld.id] } },
      data: { createdAt: dayAndAMinute },
    });
    const used = await pressOne(ctx, `旧图仍在使用 ${randomUUID()}`, {
      model: I2V_23_STANDARD,
      startImageId: usedOld.id,
    });
    const keys = new Map(
      (
        await db.sourceImage.findMany({
          where: { workspaceId: ctx.workspace.id },
          select: { id: true, key: true },
        })
      ).map((r) => [r.id, mediaFile(r.key)]),
    );

    expect(await removeUnusedImages()).toBe(1);
    expect(await imageRow(stale.id)).toBeNull();
    expect(existsSync(keys.get(stale.id) ?? "")).toBe(false);
    for (const kept of [fresh.id, usedOld.id]) {
      expect(await imageRow(kept)).not.toBeNull();
      expect(existsSync(keys.get(kept) ?? "")).toBe(true);
    }
    // Nothing more to remove; the one in use is sent as usual.
    expect(await removeUnusedImages()).toBe(0);
    await expectKieCopyOf(ctx, (await sentBody(used.id)).input.image_url, usedOld.id);
    await storedVideo(used.id);
  });
});

describe("Retry of an image video kie.ai failed", () => {
  it("starts a new generation with the same start and end images, reusing kie.ai's copies", async () => {
    const ctx = await newWorkspace();
    const start = await store(ctx, img.portraitPng);
    const end = await store(ctx, img.endPng);
    const prompt = `注定失败的首尾帧视频 ${randomUUID()} [sim:fail]`;
    const failed = await pressOne(ctx, prompt, {
      model: I2V_02_STANDARD,
      duration: "6",
      resolution: "512P",
      startImageId: start.id,
      endImageId: end.id,
    });
    expect((await waitForState(failed.id, ["fail"], 60_000)).failCode).toBe("500");
    expect(await uploadsOf(ctx)).toHaveLength(2);

    const retried = await retryGeneration({
      workspace: ctx.workspace,
      userId: ctx.userId,
      role: "owner",
      generationId: failed.id,
    });
    expect(retried.id).not.toBe(failed.id);
    expect(await generationRow(retried.id)).toMatchObject({
      prompt,
      model: I2V_02_STANDARD,
      duration: "6",
      resolution: "512P",
      startImageId: start.id,
      endImageId: end.id,
    });
    const body = await sentBody(retried.id);
    expect(body.model).toBe(I2V_02_STANDARD);
    expect(body.input).toEqual({
      prompt,
      prompt_optimizer: true,
      image_url: body.input.image_url,
      end_image_url: body.input.end_image_url,
      duration: "6",
      resolution: "512P",
    });
    await expectKieCopyOf(ctx, body.input.image_url, start.id);
    await expectKieCopyOf(ctx, body.input.end_image_url, end.id);
    // Still trusted: no new upload.
    expect(await uploadsOf(ctx)).toHaveLength(2);
    expect((await generationRow(failed.id)).state).toBe("fail");
    await waitForState(retried.id, ["fail"], 60_000);

    // The images stay while either video is there, and go with the last.
    const actor = await db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: { id: true, email: true },
    });
    await deleteGeneration({
      workspaceId: ctx.workspace.id,
      actor,
      role: "owner",
      generationId: failed.id,
    });
    expect(await imageRow(start.id)).not.toBeNull();
    expect(await imageRow(end.id)).not.toBeNull();
    await deleteGeneration({
      workspaceId: ctx.workspace.id,
      actor,
      role: "owner",
      generationId: retried.id,
    });
    expect(await imageRow(start.id)).toBeNull();
    expect(await imageRow(end.id)).toBeNull();
  });
});
