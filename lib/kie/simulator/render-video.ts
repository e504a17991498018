import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { accessSync, constants, existsSync } from "node:fs";
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { cameraMoves } from "../camera-commands";
import { findFont } from "./find-font";
import type { VideoRef } from "./task-store";
import { wrapPrompt } from "./wrap-prompt";

// Each result is a real, playable H.264 MP4 that shows its prompt, so a person looking at the
// gallery can tell which video belongs to which prompt, and the camera moves it asked for, so
// they can see the commands arrived. Takes of one prompt differ as a model's seeds would: each
// task of a prompt gets the next of a few seeds, drawn on the frame with its own background.
// Small and short, because two cores render them while the tests run; a prompt and seed reuse
// their earlier render.

const width = 640;
const height = 360;
const seconds = 6;
const renderTimeoutMs = 60_000;
// Enough to tell four takes of a press apart; the same few renders serve a prompt made again.
const SEED_BACKGROUNDS = ["0x0f172a", "0x1e1b4b", "0x052e16", "0x3b0764"] as const;

export interface Renderer {
  /**
   * The video for a task of this prompt, with the prompt's next seed; the bundled fallback when
   * ffmpeg is missing or fails; null once closed.
   */
  render(prompt: string): Promise<VideoRef | null>;
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

function filterGraph(font: string | null, seed: number): string {
  const fontOption = font ? `fontfile=${font}:` : "";
  const text = (file: string, style: string) =>
    `drawtext=${fontOption}textfile=${file}:expansion=none:${style}`;
  const background = SEED_BACKGROUNDS[(seed - 1) % SEED_BACKGROUNDS.length];
  return [
    `color=c=${background}:s=${width}x${height}:r=24:d=${seconds}[bg]`,
    `testsrc2=s=${width}x20:r=24:d=${seconds}[strip]`,
    `color=c=0x38bdf8:s=${width}x4:r=24:d=${seconds}[bar]`,
    "[bg][strip]overlay=x=0:y=H-20[a]",
    `[a][bar]overlay=x='-W+W*t/${seconds}':y=H-24:eval=frame[b]`,
    `[b]${text("label.txt", "fontsize=14:fontcolor=0x94a3b8:x=20:y=16")},${text(
      "prompt.txt",
      "fontsize=22:fontcolor=white:line_spacing=8:x=(w-text_w)/2:y=(h-text_h)/2",
    )},${text("camera.txt", "fontsize=15:fontcolor=0x7dd3fc:x=20:y=H-54")},format=yuv420p[out]`,
  ].join(";");
}

function runFfmpeg(params: {
  ffmpegPath: string;
  seed: number;
  cwd: string;
  children: Set<ChildProcess>;
}): Promise<void> {
  const args = [
    ...["-hide_banner", "-loglevel", "error", "-nostdin", "-y"],
    ...["-filter_complex", filterGraph(findFont(), params.seed), "-map", "[out]"],
    ...["-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-pix_fmt", "yuv420p"],
    ...["-movflags", "+faststart", "-t", String(seconds), "out.mp4"],
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
    file: string,
  ): Promise<VideoRef | null> => {
    const ffmpegPath = params.ffmpegPath;
    if (ffmpegPath === null) return fallback("ffmpeg not found");
    if (existsSync(join(params.videosDir, file))) {
      return { source: "ffmpeg", file, readyAt: Date.now() };
    }
    const workDir = await mkdtemp(join(params.videosDir, ".render-"));
    try {
      await writeFile(join(workDir, "prompt.txt"), wrapPrompt(prompt, 52, 8));
      await writeFile(
        join(workDir, "label.txt"),
        `Hailuo Studio simulator · kie.ai Hailuo 02 Pro · seed ${seed}`,
      );
      await writeFile(join(workDir, "camera.txt"), cameraLine(prompt));
      await runFfmpeg({ ffmpegPath, seed, cwd: workDir, children });
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
    render(prompt) {
      const seed = nextSeed(prompt);
      const file = `${createHash("sha256").update(`${seed}\n${prompt}`).digest("hex").slice(0, 32)}.mp4`;
      const existing = inFlight.get(file);
      if (existing) return existing;
      const job = withSlot(() => (closed ? Promise.resolve(null) : renderNow(prompt, seed, file)))
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
