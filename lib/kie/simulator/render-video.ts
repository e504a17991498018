import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { accessSync, constants, existsSync } from "node:fs";
import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { delimiter, join } from "node:path";
import { findFont } from "./find-font";
import type { VideoRef } from "./task-store";
import { wrapPrompt } from "./wrap-prompt";

// Each result is a real, playable H.264 MP4 that shows its prompt, so a person looking at the
// gallery can tell which video belongs to which prompt. Small and short, because two cores
// render them while the tests run. The same prompt reuses its earlier render.

const width = 640;
const height = 360;
const seconds = 6;
const renderTimeoutMs = 60_000;

export interface Renderer {
  /** The video for a prompt; the bundled fallback when ffmpeg is missing or fails; null once closed. */
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

function filterGraph(font: string | null): string {
  const fontOption = font ? `fontfile=${font}:` : "";
  const text = (file: string, style: string) =>
    `drawtext=${fontOption}textfile=${file}:expansion=none:${style}`;
  return [
    `color=c=0x0f172a:s=${width}x${height}:r=24:d=${seconds}[bg]`,
    `testsrc2=s=${width}x20:r=24:d=${seconds}[strip]`,
    `color=c=0x38bdf8:s=${width}x4:r=24:d=${seconds}[bar]`,
    "[bg][strip]overlay=x=0:y=H-20[a]",
    `[a][bar]overlay=x='-W+W*t/${seconds}':y=H-24:eval=frame[b]`,
    `[b]${text("label.txt", "fontsize=14:fontcolor=0x94a3b8:x=20:y=16")},${text(
      "prompt.txt",
      "fontsize=22:fontcolor=white:line_spacing=8:x=(w-text_w)/2:y=(h-text_h)/2",
    )},format=yuv420p[out]`,
  ].join(";");
}

function runFfmpeg(params: {
  ffmpegPath: string;
  cwd: string;
  children: Set<ChildProcess>;
}): Promise<void> {
  const args = [
    ...["-hide_banner", "-loglevel", "error", "-nostdin", "-y"],
    ...["-filter_complex", filterGraph(findFont()), "-map", "[out]"],
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

  const renderNow = async (prompt: string, file: string): Promise<VideoRef | null> => {
    const ffmpegPath = params.ffmpegPath;
    if (ffmpegPath === null) return fallback("ffmpeg not found");
    if (existsSync(join(params.videosDir, file))) {
      return { source: "ffmpeg", file, readyAt: Date.now() };
    }
    const workDir = await mkdtemp(join(params.videosDir, ".render-"));
    try {
      await writeFile(join(workDir, "prompt.txt"), wrapPrompt(prompt, 52, 8));
      await writeFile(join(workDir, "label.txt"), "Hailuo Studio simulator · kie.ai Hailuo 02 Pro");
      await runFfmpeg({ ffmpegPath, cwd: workDir, children });
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
      const file = `${createHash("sha256").update(prompt).digest("hex").slice(0, 32)}.mp4`;
      const existing = inFlight.get(file);
      if (existing) return existing;
      const job = withSlot(() => (closed ? Promise.resolve(null) : renderNow(prompt, file)))
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
