import type { TaskRecord } from "./task-store";

// A task's state is computed from its createTime and stepMs instead of being stepped by
// timers, so it is right after a restart and never depends on timer precision.

export type TaskState = "waiting" | "queuing" | "generating" | "success" | "fail";

export const failCode = "500";
export const failMsg = "Generation failed: content could not be rendered";

export interface TaskView {
  taskId: string;
  model: string;
  state: TaskState;
  param: string;
  /** JSON string; "" until success and on failure. */
  resultJson: string;
  failCode: string;
  failMsg: string;
  /** Milliseconds; null until the task has ended. */
  costTime: number | null;
  completeTime: number | null;
  createTime: number;
  updateTime: number;
}

/** When the generating step is over; a success also waits for its video to be ready. */
export function stepsEndAt(task: TaskRecord): number {
  return task.createTime + 3 * task.stepMs;
}

/** True once the task may be finalised (time is up and, for a success, the video exists). */
export function isReadyToEnd(task: TaskRecord, now: number): boolean {
  if (now < stepsEndAt(task)) return false;
  return task.outcome === "fail" || task.video !== null;
}

export function viewTask(task: TaskRecord, resultUrl: string | null, now: number): TaskView {
  const ended = task.completeTime !== null;
  const step = Math.min(2, Math.max(0, Math.floor((now - task.createTime) / task.stepMs)));
  const running = (["waiting", "queuing", "generating"] as const)[step] ?? "generating";
  const state: TaskState = ended ? task.outcome : running;
  return {
    taskId: task.taskId,
    model: task.model,
    state,
    param: task.param,
    resultJson:
      state === "success" ? JSON.stringify({ resultUrls: resultUrl ? [resultUrl] : [] }) : "",
    failCode: state === "fail" ? (task.failure?.code ?? failCode) : "",
    failMsg: state === "fail" ? (task.failure?.msg ?? failMsg) : "",
    costTime: task.completeTime === null ? null : task.completeTime - task.createTime,
    completeTime: task.completeTime,
    createTime: task.createTime,
    updateTime: task.completeTime ?? task.createTime + step * task.stepMs,
  };
}
