import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { accessSync, constants, existsSync } from "node:fs";
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { cameraMoves } from "../camera-commands";
import { findFont } from "./find-font";
import type { TaskOutput } from "./task-output";
import type { VideoRef } from "./task-store";
import { filterGraph, imageInputs, SEED_BACKGROUNDS, textColumns } from "./video-filter-graph";
import { wrapPrompt } from "./wrap-prompt";

// Each result is a real, playable H.264 MP4 that shows its prompt, so a person looking at the
// gallery can tell which video belongs to which prompt, and the camera moves it asked for, so
// they can see the commands arrived. Takes of one prompt differ as a model's seeds would: each
// task of a prompt gets the next of a few seeds, drawn on the frame with its own background.
// At the size and length the task's model makes (1080P is 1920×1080, 25 fps, as kie.ai's), so
// the studio stores, measures and plays real-sized files; a flat picture keeps even a 10-second
// 1080P render to a few seconds on two cores. An image-to-video task's video opens with its start
// image and closes with its end image. A prompt, seed, size, length and images reuse their render.

const renderTimeoutMs = 120_000;

export interface Renderer {
  /**
   * The video for a task of this prompt, with the prompt's next seed; the bundled fallback when
   * ffmpeg is missing or fails; null once closed.
   */
  render(prompt: string, output: TaskOutput): Promise<VideoRef | null>;
  close(): void;
}

export function findFfmpeg(): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, process.platform === "win32" ? "ffmpeg.exe" : "ffmpeg");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return null;
}

function runFfmpeg(params: {
  ffmpegPath: string;
  seed: number;
  output: TaskOutput;
  cameraLines: number;
  cwd: string;
  children: Set<ChildProcess>;
}): Promise<void> {
  const { seed, output, cameraLines } = params;
  const graph = filterGraph({ font: findFont(), seed, output, cameraLines });
  const args = [
    ...["-hide_banner", "-loglevel", "error", "-nostdin", "-y"],
    ...imageInputs(output).flatMap((path) => ["-i", path]),
    ...["-filter_complex", graph, "-map", "[out]"],
    ...["-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-pix_fmt", "yuv420p"],
    ...["-movflags", "+faststart", "-t", String(params.output.seconds), "out.mp4"],
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(params.ffmpegPath, args, {
      cwd: params.cwd,
      stdio: ["ignore", "ignore", "pipe"],
    });
    params.children.add(child);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-500);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), renderTimeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      params.children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`ffmpeg exited with ${code ?? signal}: ${stderr.trim()}`));
    });
  });
}

/** "Camera: Pan left + Pedestal up → Push in", or nothing when the prompt names no move. */
export function cameraLine(prompt: string): string {
  const moves = cameraMoves(prompt);
  return moves.length === 0 ? "" : `Camera: ${moves.map((m) => m.join(" + ")).join(" → ")}`;
}

/**
 * The small print at the top: what made the video, and from which images. Wrapped between its
 * parts, never inside one, so "6 s" or a model id is never split.
 */
function labelText(output: TaskOutput, seed: number, columns: number): string {
  const { images } = output;
  const parts = [
    "Hailuo Studio simulator",
    output.model,
    output.resolution,
    `${output.seconds} s`,
    `seed ${seed}`,
    ...(images ? [images.end ? "start image + end image" : "start image"] : []),
  ];
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 3 + part.length <= columns) {
      lines[lines.length - 1] = `${last} · ${part}`;
    } else lines.push(part);
  }
  return lines.join("\n");
}

/** Everything that changes a render's pixels, hashed into its file name. */
function renderFileName(prompt: string, seed: number, output: TaskOutput): string {
  const { model, width, height, seconds, images } = output;
  const key = [seed, model, `${width}x${height}`, seconds, prompt];
  if (images) key.push(`start ${images.start.sha256}`, `end ${images.end?.sha256 ?? "none"}`);
  return `${createHash("sha256").update(key.join("\n")).digest("hex").slice(0, 32)}.mp4`;
}

export function createRenderer(params: {
  ffmpegPath: string | null;
  videosDir: string;
  log: (line: string) => void;
  concurrency?: number;
}): Renderer {
  const inFlight = new Map<string, Promise<VideoRef | null>>();
  const children = new Set<ChildProcess>();
  const waiting: (() => void)[] = [];
  let running = 0;
  let closed = false;
  let fallbackNoticeLogged = false;

  // One line, once: a missing or broken ffmpeg would otherwise repeat itself for every task.
  const fallback = (reason: string): VideoRef => {
    if (!fallbackNoticeLogged) {
      params.log(`notice: serving the bundled fallback video (${reason})`);
      fallbackNoticeLogged = true;
    }
    return { source: "fallback", file: null, readyAt: Date.now() };
  };

  const withSlot = async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= (params.concurrency ?? 2)) await new Promise<void>((r) => waiting.push(r));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };

  // The seed each prompt's next task gets: 1, 2, … then round again.
  const lastSeed = new Map<string, number>();
  const nextSeed = (prompt: string): number => {
    const seed = ((lastSeed.get(prompt) ?? 0) % SEED_BACKGROUNDS.length) + 1;
    lastSeed.set(prompt, seed);
    return seed;
  };

  const renderNow = async (
    prompt: string,
    seed: number,
    output: TaskOutput,
    file: string,
  ): Promise<VideoRef | null> => {
    const ffmpegPath = params.ffmpegPath;
    if (ffmpegPath === null) return fallback("ffmpeg not found");
    if (existsSync(join(params.videosDir, file))) {
      return { source: "ffmpeg", file, readyAt: Date.now() };
    }
    const workDir = await mkdtemp(join(params.videosDir, ".render-"));
    try {
      const columns = textColumns(output);
      const camera = wrapPrompt(cameraLine(prompt), columns.camera, 3);
      await writeFile(join(workDir, "prompt.txt"), wrapPrompt(prompt, columns.prompt, 8));
      await writeFile(join(workDir, "label.txt"), labelText(output, seed, columns.label));
      await writeFile(join(workDir, "camera.txt"), camera);
      const cameraLines = camera.split("\n").length;
      await runFfmpeg({ ffmpegPath, seed, output, cameraLines, cwd: workDir, children });
      await rename(join(workDir, "out.mp4"), join(params.videosDir, file));
      return { source: "ffmpeg", file, readyAt: Date.now() };
    } catch (error) {
      if (closed) return null;
      return fallback(`ffmpeg failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  };

  return {
    render(prompt, output) {
      const seed = nextSeed(prompt);
      const file = renderFileName(prompt, seed, output);
      const existing = inFlight.get(file);
      if (existing) return existing;
      const job = withSlot(() =>
        closed ? Promise.resolve(null) : renderNow(prompt, seed, output, file),
      )
        .then((ref) => (closed ? null : ref))
        .finally(() => inFlight.delete(file));
      inFlight.set(file, job);
      return job;
    },
    close() {
      closed = true;
      for (const child of children) child.kill("SIGKILL");
      for (const release of waiting.splice(0)) release();
    },
  };
}
