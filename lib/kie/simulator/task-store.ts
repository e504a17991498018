import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { CallbackMode } from "./config";
import type { PromptMarkers } from "./markers";
import { createWriteQueue, writeAtomically } from "./write-queue";

// Tasks, the credit balance and the URL-signing secret live as small JSON files in dataDir,
// so a restarted simulator still knows its tasks and still honours the URLs it handed out.

export interface VideoRef {
  source: "ffmpeg" | "fallback";
  /** File name inside the videos folder; null for the bundled fallback. */
  file: string | null;
  readyAt: number;
}

export interface TaskRecord {
  taskId: string;
  model: string;
  /** The createTask body as received, re-serialised: kie returns it as a JSON string. */
  param: string;
  prompt: string;
  callBackUrl: string | null;
  createTime: number;
  /** Time per state step for this task (markers and settings applied at creation). */
  stepMs: number;
  outcome: "success" | "fail";
  markers: PromptMarkers;
  /** Decided at creation from the markers and the configuration of that moment. */
  callbackMode: CallbackMode;
  video: VideoRef | null;
  /**
   * Why a task that was meant to succeed failed after all (its start image could not be had);
   * absent for a success and for a failure decided at creation.
   */
  failure?: { code: string; msg: string };
  /** Set once the task has ended and its credits and callback were dealt with. */
  completeTime: number | null;
  resultExpires: number | null;
}

export interface TaskStore {
  readonly videosDir: string;
  readonly urlSecret: string;
  credits: number;
  get(taskId: string): TaskRecord | undefined;
  all(): TaskRecord[];
  add(task: TaskRecord): void;
  /** Persists a task (writes are serialised per file). */
  save(task: TaskRecord): void;
  saveCredits(): void;
  /** Resolves when every pending write has landed. */
  flush(): Promise<void>;
}

const taskIdPattern = /^[A-Za-z0-9_-]{1,100}$/;

export function isSafeTaskId(taskId: string): boolean {
  return taskIdPattern.test(taskId);
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    return undefined;
  }
}

async function loadTasks(tasksDir: string): Promise<Map<string, TaskRecord>> {
  const tasks = new Map<string, TaskRecord>();
  for (const name of await readdir(tasksDir)) {
    if (!name.endsWith(".json")) continue;
    const task = (await readJson(join(tasksDir, name))) as TaskRecord | undefined;
    if (task && typeof task.taskId === "string" && isSafeTaskId(task.taskId)) {
      tasks.set(task.taskId, task);
    }
  }
  return tasks;
}

async function loadSecret(path: string): Promise<string> {
  const stored = await readFile(path, "utf8").catch(() => "");
  if (/^[0-9a-f]{64}$/.test(stored.trim())) return stored.trim();
  const secret = randomBytes(32).toString("hex");
  await writeAtomically(path, secret);
  return secret;
}

export async function openTaskStore(params: {
  dataDir: string;
  initialCredits: number;
  onWriteError: (error: unknown) => void;
}): Promise<TaskStore> {
  const tasksDir = join(params.dataDir, "tasks");
  const videosDir = join(params.dataDir, "videos");
  await mkdir(tasksDir, { recursive: true });
  await mkdir(videosDir, { recursive: true });
  const tasks = await loadTasks(tasksDir);
  const urlSecret = await loadSecret(join(params.dataDir, "url-secret"));
  const accountPath = join(params.dataDir, "account.json");
  const account = (await readJson(accountPath)) as { credits?: unknown } | undefined;
  const writes = createWriteQueue(params.onWriteError);

  const store: TaskStore = {
    videosDir,
    urlSecret,
    credits: typeof account?.credits === "number" ? account.credits : params.initialCredits,
    get: (taskId) => tasks.get(taskId),
    all: () => [...tasks.values()],
    add(task) {
      tasks.set(task.taskId, task);
      store.save(task);
    },
    save(task) {
      writes.write(join(tasksDir, `${task.taskId}.json`), () => JSON.stringify(task, null, 2));
    },
    saveCredits() {
      writes.write(accountPath, () => JSON.stringify({ credits: store.credits }));
    },
    flush: writes.flush,
  };
  return store;
}
