import { execFile } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { setPriority } from "node:os";
import { promisify } from "node:util";

const run = promisify(execFile);

// One cut at a time in a process. Each ffmpeg is 65 MiB or more resident (its libraries, then the
// decoded frames); several at once, as a burst of finished videos starts them, add that up and
// finish no sooner on a server of a few cores, where they run behind requests anyway.
let previous: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const next = previous.then(task, task);
  previous = next.catch(() => {});
  return next;
}

/**
 * A JPEG of the frame one second in, made with ffmpeg. Null where ffmpeg is missing or fails:
 * the gallery then shows the video's own first frame.
 */
export function posterFrame(
  videoPath: string,
  opts: { signal?: AbortSignal; ffmpeg?: string } = {},
): Promise<Buffer | null> {
  return oneAtATime(() => cutPoster(videoPath, opts));
}

async function cutPoster(
  videoPath: string,
  opts: { signal?: AbortSignal; ffmpeg?: string },
): Promise<Buffer | null> {
  const ffmpeg = opts.ffmpeg ?? process.env.FFMPEG_PATH ?? "ffmpeg";
  const out = `${videoPath}.poster.jpg`;
  try {
    const cut = run(
      ffmpeg,
      [
        "-v",
        "error",
        "-y",
        "-ss",
        "1",
        "-i",
        videoPath,
        "-frames:v",
        "1",
        "-vf",
        "scale=640:-2",
        "-q:v",
        "4",
        out,
      ],
      { timeout: 30_000, signal: opts.signal },
    );
    // Background work: requests (kie.ai's callbacks, people's pages) come first for the CPU.
    if (cut.child.pid) setLowPriority(cut.child.pid);
    await cut;
    return await readFile(out);
  } catch {
    return null;
  } finally {
    await rm(out, { force: true });
  }
}

function setLowPriority(pid: number): void {
  try {
    setPriority(pid, 10);
  } catch {
    // Not permitted on this system: it runs at normal priority.
  }
}
