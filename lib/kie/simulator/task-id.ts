import { randomBytes, randomInt } from "node:crypto";

// kie.ai hands out ids both as "task_hailuo_<ms>…" and as 32 hex characters; handing out both
// keeps clients from assuming one shape.

export type TaskIdStyle = "hailuo" | "hex" | "alternate";

export function newTaskId(style: TaskIdStyle, sequence: number): string {
  const hex = style === "hex" || (style === "alternate" && sequence % 3 === 2);
  if (hex) return randomBytes(16).toString("hex");
  return `task_hailuo_${Date.now()}${randomInt(0, 100_000).toString().padStart(5, "0")}`;
}
