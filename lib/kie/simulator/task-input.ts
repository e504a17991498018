import { isRecord } from "./http-io";

/** The createTask body's `input` a task was made with; empty for a body that can't be read. */
export function taskInput(task: { param: string }): Record<string, unknown> {
  try {
    const body: unknown = JSON.parse(task.param);
    if (isRecord(body) && isRecord(body.input)) return body.input;
  } catch {
    // A task stored by an older simulator: the model's defaults.
  }
  return {};
}
