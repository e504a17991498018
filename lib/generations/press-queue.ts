import type { GenerationDto } from "@/lib/generations/dto";
import { isOnItsWay } from "@/lib/generations/on-its-way";

/**
 * Where a take on its way is: not yet sent (waiting for kie.ai's allowance, or told by kie.ai
 * to wait), being sent, at kie.ai, or being copied into the studio's storage.
 */
export type QueuePhase = "unsent" | "sending" | "atKie" | "saving";

export const QUEUE_PHASES: readonly QueuePhase[] = ["unsent", "sending", "atKie", "saving"];

/** One press of Generate with takes still on their way. */
export interface QueuedPress {
  shotId: string;
  prompt: string;
  createdAt: string;
  /** How many takes the press made in all, and which of them are still on their way. */
  takes: number;
  /** Takes on their way, by phase. */
  counts: Record<QueuePhase, number>;
  /** The takes not yet sent to kie.ai: these can still be called off, at no cost. */
  unsentIds: string[];
  /** The first of its takes on its way, for a link when the press made only one. */
  firstId: string;
}

/**
 * Where a take is, or null once it has stopped moving on its own (made, failed, cancelled — or
 * sent without an answer, which needs the person rather than waiting).
 */
export function queuePhase(g: GenerationDto): QueuePhase | null {
  if (!isOnItsWay(g)) return null;
  if (g.state === "submitting") {
    return g.submitStatus === "held" || g.submitStatus === "queued" ? "unsent" : "sending";
  }
  return g.state === "success" ? "saving" : "atKie";
}

/**
 * A person's presses still on their way, newest first (the one just made is the one most
 * likely to be called off), from any list of generations; takes that have ended are left out.
 */
export function queuedPresses(items: readonly GenerationDto[], authorId: string): QueuedPress[] {
  const presses = new Map<string, QueuedPress>();
  const seen = new Set<string>();
  for (const g of items) {
    if (g.author.id !== authorId || seen.has(g.id)) continue;
    seen.add(g.id);
    const phase = queuePhase(g);
    if (!phase) continue;
    let press = presses.get(g.shot.id);
    if (!press) {
      press = {
        shotId: g.shot.id,
        prompt: g.prompt,
        createdAt: g.createdAt,
        takes: g.shot.takes,
        counts: { unsent: 0, sending: 0, atKie: 0, saving: 0 },
        unsentIds: [],
        firstId: g.id,
      };
      presses.set(g.shot.id, press);
    }
    press.counts[phase] += 1;
    if (phase === "unsent") press.unsentIds.push(g.id);
    if (g.createdAt < press.createdAt) press.createdAt = g.createdAt;
  }
  return [...presses.values()].sort((a, b) =>
    a.createdAt === b.createdAt
      ? b.shotId.localeCompare(a.shotId)
      : b.createdAt.localeCompare(a.createdAt),
  );
}
